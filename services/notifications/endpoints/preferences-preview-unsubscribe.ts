import { endpoint } from "../../kit/serve.ts";
import { badRequest } from "../../kit/errors.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { verifyUnsubscribeToken } from "../unsubscribe.ts";

/** What a link would turn off, for the confirmation page its GET opens; changes nothing. */
export const preferencesPreviewUnsubscribeEndpoint = (deps: Deps) =>
  endpoint(notifications.preferencesPreviewUnsubscribe, async (input) => {
    const who = verifyUnsubscribeToken(deps.config.unsubscribeSecret, input.token);
    if (!who) throw badRequest("token: is not a valid unsubscribe token", [{ field: "token", message: "is not a valid unsubscribe token" }]);
    return { kind: who.kind };
  });
