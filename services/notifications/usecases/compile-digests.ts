/**
 * Daily digests: each user whose held follower emails came due gets one digest email listing
 * them. Per user, one transaction locks their due held rows, writes the digest (a message and
 * one pending email delivery, sent by the ordinary send path) and marks the rows 'digested'
 * with its id — so an item is in exactly one digest, whatever crashes or how many replicas run.
 */
import type { Deps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";

/** Items listed in one digest email; the rest are counted ("and 12 more"). */
const DIGEST_ITEMS = 50;

export async function compileDigests(deps: Pick<Deps, "db" | "sent" | "log">, opts: { users?: number; rounds?: number } = {}): Promise<number> {
  const batch = opts.users ?? 200;
  let compiled = 0;
  // At 08:00 a whole time zone comes due at once: keep going while full batches come back (a
  // bounded number of rounds, so the pass still reaches the sending that follows it).
  for (let round = 0; round < (opts.rounds ?? 25); round++) {
    const users = await store.usersWithDueDigest(deps.db, batch);
    compiled += await compileFor(deps, users);
    if (users.length < batch) break;
  }
  return compiled;
}

async function compileFor(deps: Pick<Deps, "db" | "sent" | "log">, users: string[]): Promise<number> {
  let compiled = 0;
  for (const userId of users) {
    // One user's failure (rolled back, tried again next pass) must not hold up everyone else's.
    const made = await deps.db.transaction(async (trx) => {
      // Another replica compiling the same user's digest right now: leave it to them.
      if (!(await store.tryLockDigest(trx, userId))) return 0;
      const held = await store.dueHeldOf(trx, userId);
      if (!held.length) return 0;
      const digestId = derivedId("digest", userId, held[0].sourceId);
      const items = held.slice(0, DIGEST_ITEMS).map((h) => ({ kind: h.kind, link: h.link, ...pick(h.params, ["title", "startsAt", "timeZone", "venue", "onlineUrl", "organizer", "reason"]) }));
      await store.saveMessage(trx, { sourceId: digestId, kind: "digest", params: { count: String(held.length), more: String(held.length - items.length), items: JSON.stringify(items) }, link: "/me/notifications", batches: 1 });
      await store.insertDeliveries(trx, digestId, [{ userId, channel: "email", address: held.at(-1)!.address, notBefore: new Date(0) }]);
      await store.markDigested(trx, userId, held.map((h) => h.sourceId), digestId);
      return held.length;
    }).catch((err: unknown) => {
      deps.log.warn({ err, userId }, "digest not compiled; next pass tries again");
      return 0;
    });
    if (made) {
      compiled++;
      deps.sent.add(made, { channel: "email", outcome: "digested" });
    }
  }
  return compiled;
}

function pick(params: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (params[k]) out[k] = params[k];
  return out;
}
