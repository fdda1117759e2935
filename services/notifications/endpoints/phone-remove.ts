import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import * as smsStore from "../store/sms.ts";
import { phoneState } from "../phone.ts";

export const phoneRemoveEndpoint = (deps: Deps) =>
  endpoint(notificationsSms.phoneRemove, async (_input, ctx) => {
    await smsStore.removePhone(deps.db, requireCaller(ctx).sub);
    return phoneState(undefined, deps.now(), deps.config.sms.codeMaxAttempts);
  });
