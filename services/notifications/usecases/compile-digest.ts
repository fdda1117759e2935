/**
 * A user's daily digest, when their digest timer fires (digests.ts): their held follower emails
 * that came due become one digest email listing them — a message and one pending email delivery,
 * sent by the ordinary send path — and are marked 'digested' with its id, in the timer's own
 * transaction: an item is in exactly one digest, whatever crashes or how many replicas run.
 * Returns how many emails it took in (0: nothing was due).
 */
import type { Knex } from "knex";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";

/** Items listed in one digest email; the rest are counted ("and 12 more"). */
const DIGEST_ITEMS = 50;

export async function compileDigest(trx: Knex.Transaction, userId: string, now: Date): Promise<number> {
  const held = await store.dueHeldOf(trx, userId, now);
  if (!held.length) return 0;
  const digestId = derivedId("digest", userId, held[0].sourceId);
  const items = held.slice(0, DIGEST_ITEMS).map((h) => ({
    kind: h.kind,
    link: h.link,
    ...pick(h.params, ["title", "startsAt", "timeZone", "venue", "onlineUrl", "organizer", "reason"]),
  }));
  await store.saveMessage(trx, {
    sourceId: digestId,
    kind: "digest",
    params: { count: String(held.length), more: String(held.length - items.length), items: JSON.stringify(items) },
    link: "/me/notifications",
    batches: 1,
  });
  await store.insertDeliveries(trx, digestId, [{ userId, channel: "email", address: held.at(-1)!.address, notBefore: new Date(0) }]);
  await store.markDigested(trx, userId, held.map((h) => h.sourceId), digestId);
  return held.length;
}

function pick(params: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (params[k]) out[k] = params[k];
  return out;
}
