import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import { setPhone } from "../usecases/set-phone.ts";

export const phoneSetEndpoint = (deps: Deps) => endpoint(notificationsSms.phoneSet, (input, ctx) => setPhone(deps, requireCaller(ctx), input));
