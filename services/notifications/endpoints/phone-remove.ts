import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import { removePhone } from "../usecases/remove-phone.ts";

export const phoneRemoveEndpoint = (deps: Deps) => endpoint(notificationsSms.phoneRemove, async (_input, ctx) => removePhone(deps, requireCaller(ctx)));
