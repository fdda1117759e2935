/**
 * Retention the kit enforces on the tables it writes in every service schema: published outbox
 * rows and processed-message markers are deleted once past their age, in small batches, by a
 * sweeper each replica runs (deletes are idempotent, so replicas need no coordination).
 * Streams age out in JetStream itself (max_age, kit/nats.ts ensureStreams); dead letters are a
 * stream, so DEAD_LETTERS_MAX_AGE_DAYS is their retention.
 *
 * Why the ages are safe (defaults in kit/config.ts, whole days):
 * - A published outbox row is never published again (the relay claims unpublished rows only),
 *   so deleting it loses nothing; it is kept a few days for tracing. A row published but not yet
 *   marked (relay killed between the ack and the update) is unpublished: never deleted.
 * - A processed marker dedupes a message delivered again to its consumer: a redelivery (minutes,
 *   consumerDefaults), or an outbox row published twice after a relay crash (JetStream drops the
 *   copy inside its 2 h duplicate window; past it the marker does). A message older than its
 *   stream's max_age can no longer be delivered at all, so markers kept at least as long as the
 *   longest stream age (checked at boot) guard every message that still exists.
 */
import type { Db, Migration } from "./db.ts";
import type { Logger } from "./log.ts";
import { meter } from "./trace.ts";

export const retentionMigration: Migration = {
  name: "003_kit_retention_indexes",
  async up(db) {
    await db.raw("create index outbox_published on outbox (published_at) where published_at is not null");
    await db.raw("create index processed_messages_age on processed_messages (processed_at)");
  },
};

export type RetentionLimits = { outboxMs: number; processedMs: number };

const BATCH = 5_000;

/** Deletes rows past their age; returns how many of each. */
export async function sweepRetention(db: Db, limits: RetentionLimits, now: Date = new Date()): Promise<{ outbox: number; processed: number }> {
  const outboxBefore = new Date(now.getTime() - limits.outboxMs);
  const processedBefore = new Date(now.getTime() - limits.processedMs);
  let outbox = 0;
  let processed = 0;
  for (;;) {
    const n = deletedCount(await db("outbox").whereIn("id", db("outbox").select("id").where("published_at", "<", outboxBefore).limit(BATCH)).delete());
    outbox += n;
    if (n < BATCH) break;
    await yieldNow();
  }
  for (;;) {
    const n = deletedCount(
      await db("processed_messages")
        .whereIn(["consumer", "message_id"], db("processed_messages").select("consumer", "message_id").where("processed_at", "<", processedBefore).limit(BATCH))
        .delete(),
    );
    processed += n;
    if (n < BATCH) break;
    await yieldNow();
  }
  return { outbox, processed };
}

// knex on the embedded database answers a delete with a result object, not a count: without this
// `n < BATCH` never holds and, its queries answering in microtasks, the loop starves the process.
const deletedCount = (n: unknown): number => {
  const v = typeof n === "number" ? n : (n as { rowCount?: unknown } | null)?.rowCount;
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
};
// Between batches, let timers and I/O run (PGlite answers without going through the event loop).
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Sweeps now and then every `everyMs` until stopped. */
export function startRetention(opts: { db: Db; schema: string; limits: RetentionLimits; everyMs: number; log: Logger }): { stop(): Promise<void> } {
  const deleted = meter().createCounter("retention_deleted", { description: "Rows deleted past their retention, by service and table." });
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      try {
        const n = await sweepRetention(opts.db, opts.limits);
        deleted.add(n.outbox, { service: opts.schema, table: "outbox" });
        deleted.add(n.processed, { service: opts.schema, table: "processed_messages" });
        if (n.outbox || n.processed) opts.log.debug(n, "retention sweep");
      } catch (err) {
        opts.log.warn({ err }, "retention sweep failed; next sweep tries again");
      }
      if (running) await new Promise<void>((r) => ((wake = r), setTimeout(r, opts.everyMs).unref()));
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
