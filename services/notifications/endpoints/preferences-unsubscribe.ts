import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { unsubscribeByLink } from "../usecases/unsubscribe-by-link.ts";

export const preferencesUnsubscribeEndpoint = (deps: Deps) => endpoint(notifications.preferencesUnsubscribe, async (input) => unsubscribeByLink(deps, input));
