/**
 * Daily digests on the kit's durable timers (services/kit/timers.ts): one timer per user with
 * held follower emails, kind DIGEST, key the user's id, due at the earliest held email's digest
 * time plus its grace. It is planned in the transaction that holds an email (deliver-batch), moved
 * when the user's preferences change (set-preferences), and after each digest re-armed for what
 * is still held; it fires once across replicas, and after a kill -9 late rather than never.
 */
import type { Knex } from "knex";
import { cancelTimer, scheduleTimer, scheduleTimers, type TimerHandler } from "../kit/timers.ts";
import { afterCommit } from "../kit/db.ts";
import type { Deps } from "./deps.ts";
import * as store from "./store.ts";
import { compileDigest } from "./usecases/compile-digest.ts";

/** WARNING: stored in `timers`; renaming it strands the digests already planned (a migration). */
export const DIGEST = "notifications.digest";

const dueOf = (notBefore: Date) => new Date(notBefore.getTime() + store.DIGEST_GRACE_S * 1000);

/**
 * Plans the digests of newly held emails, in their transaction. A sooner digest already planned
 * stays (an email held just after 08:00 for tomorrow must not push back this morning's).
 */
export async function planDigests(trx: Knex.Transaction, held: Array<{ userId: string; notBefore: Date }>): Promise<void> {
  const earliest = new Map<string, Date>();
  for (const h of held) {
    const at = earliest.get(h.userId);
    if (!at || h.notBefore < at) earliest.set(h.userId, h.notBefore);
  }
  await scheduleTimers(trx, [...earliest].map(([userId, at]) => ({ kind: DIGEST, key: userId, dueAt: dueOf(at) })), { keepEarlier: true });
}

/** Re-plans a user's digest for the emails still held (or drops it when none is). */
export async function replanDigest(trx: Knex.Transaction, userId: string): Promise<void> {
  const next = await store.earliestHeld(trx, userId);
  if (next) await scheduleTimer(trx, { kind: DIGEST, key: userId, dueAt: dueOf(next) });
  else await cancelTimer(trx, DIGEST, userId);
}

/** Fires a user's digest: compiles what is due, then re-arms for anything held later. */
export function digestTimer(deps: Pick<Deps, "sent" | "now">): TimerHandler {
  return {
    kind: DIGEST,
    async handle(trx, timer) {
      const made = await compileDigest(trx, timer.key, deps.now());
      await replanDigest(trx, timer.key);
      if (made) afterCommit(trx, () => deps.sent.add(made, { channel: "email", outcome: "digested" }));
    },
  };
}
