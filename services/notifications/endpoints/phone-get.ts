import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import * as smsStore from "../store/sms.ts";
import { phoneState } from "../phone.ts";

export const phoneGetEndpoint = (deps: Deps) =>
  endpoint(notificationsSms.phoneGet, async (_input, ctx) => phoneState(await smsStore.phoneOf(deps.db, requireCaller(ctx).sub), deps.now(), deps.config.sms.codeMaxAttempts));
