import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { registerDevice } from "../usecases/register-device.ts";

export const devicesRegisterEndpoint = (deps: Deps) =>
  endpoint(notifications.devicesRegister, async (input, ctx) => registerDevice(deps, requireCaller(ctx), input));
