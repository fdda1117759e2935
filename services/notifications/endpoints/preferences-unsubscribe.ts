import { endpoint } from "../../kit/serve.ts";
import { badRequest } from "../../kit/errors.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { verifyUnsubscribeToken } from "../unsubscribe.ts";
import * as store from "../store.ts";
import { FOLLOWER_KINDS } from "../preferences.ts";

/** One click, no login: the HMAC of the link is the authority. Repeating it changes nothing. */
export const preferencesUnsubscribeEndpoint = (deps: Deps) =>
  endpoint(notifications.preferencesUnsubscribe, async (input) => {
    const who = verifyUnsubscribeToken(deps.config.unsubscribeSecret, input.token);
    if (!who) throw badRequest("token: is not a valid unsubscribe token", [{ field: "token", message: "is not a valid unsubscribe token" }]);
    await deps.db.transaction(async (trx) => {
      await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [who.userId]);
      const prefs = await store.preferencesOf(trx, who.userId);
      for (const kind of who.kind === "digest" ? FOLLOWER_KINDS : [who.kind]) prefs.kinds[kind].email = false;
      await store.savePreferences(trx, who.userId, prefs);
    });
    return who;
  });
