import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../auth.ts";
import * as store from "../store.ts";

export const devicesRegisterEndpoint = (deps: Deps) =>
  endpoint(notifications.devicesRegister, async (input, ctx) => {
    await store.registerDevice(deps.db, callerOf(ctx), input.token, input.platform);
    return { ok: true as const };
  });
