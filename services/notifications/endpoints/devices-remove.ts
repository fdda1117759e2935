import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { removeDevice } from "../usecases/remove-device.ts";

export const devicesRemoveEndpoint = (deps: Deps) => endpoint(notifications.devicesRemove, async (input, ctx) => removeDevice(deps, requireCaller(ctx), input));
