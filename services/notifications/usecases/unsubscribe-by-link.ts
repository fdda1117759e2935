/**
 * One click, no login (RFC 8058): the HMAC of the link is the authority. Turns the link's kind off
 * for email (a digest's link: every follower kind). Repeating it changes nothing.
 */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import { FOLLOWER_KINDS } from "../../../subjects/notifications.ts";
import { unsubscribeLinkOf } from "../unsubscribe.ts";

export async function unsubscribeByLink(deps: Pick<Deps, "db" | "config">, input: RequestOf<typeof notifications.preferencesUnsubscribe>) {
  const who = unsubscribeLinkOf(deps.config.unsubscribeSecret, input.token);
  await deps.db.transaction(async (trx) => {
    await store.lockPreferences(trx, who.userId);
    const prefs = await store.preferencesOf(trx, who.userId);
    for (const kind of who.kind === "digest" ? FOLLOWER_KINDS : [who.kind]) prefs.kinds[kind].email = false;
    await store.savePreferences(trx, who.userId, prefs);
  });
  return who;
}
