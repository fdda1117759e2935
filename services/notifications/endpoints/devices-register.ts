import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const devicesRegisterEndpoint = (deps: Deps) =>
  endpoint(notifications.devicesRegister, async (input, ctx) => {
    await store.registerDevice(deps.db, requireCaller(ctx).sub, input.token, input.platform);
    return { ok: true as const };
  });
