import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import { confirmPhone } from "../usecases/confirm-phone.ts";

export const phoneConfirmEndpoint = (deps: Deps) => endpoint(notificationsSms.phoneConfirm, (input, ctx) => confirmPhone(deps, requireCaller(ctx), input));
