import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import { getPhone } from "../usecases/get-phone.ts";

export const phoneGetEndpoint = (deps: Deps) => endpoint(notificationsSms.phoneGet, async (_input, ctx) => getPhone(deps, requireCaller(ctx)));
