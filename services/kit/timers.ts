/**
 * Durable timers: "do this at time T" (hold expiry, waitlist offers, reminders, digests), stored
 * in the service's own schema beside the state they belong to. NATS 2.9 has no scheduled
 * messages, so timers rest on Postgres alone.
 *
 * A timer is a row of `timers`, unique by (kind, key). A use case schedules, re-plans or cancels
 * it inside its own transaction, so the timer exists exactly when the state it belongs to does.
 * Every replica runs a poller that claims due rows with FOR UPDATE SKIP LOCKED and runs each
 * one's handler in the transaction that deletes the row: the fire and its effect commit together
 * (never twice), and a process killed mid-fire leaves the row locked only until Postgres notices
 * the dead connection, so the timer fires late, never lost. A handler that throws is rolled back
 * to a savepoint and tried again after a backoff; it is never dropped.
 *
 * Handlers should still check the state they act on (an order already paid when its hold timer
 * fires): a cancel that races a fire already claimed waits for it and then finds nothing.
 */
import pg from "pg";
import type { Knex } from "knex";
import { inSpan, meter, ROOT_CONTEXT, SpanKind } from "./trace.ts";
import { afterCommit, type Db, isPostgres, type Migration, schemaOfTrx, sqlLiteral, type Write } from "./db.ts";
import type { Logger } from "./log.ts";

export const timersMigration: Migration = {
  name: "002_kit_timers",
  async up(db) {
    await db.schema.createTable("timers", (t) => {
      t.text("kind").notNullable();
      t.text("key").notNullable();
      t.timestamp("due_at", { useTz: true }).notNullable();
      t.jsonb("payload");
      t.integer("attempts").notNullable().defaultTo(0);
      t.text("last_error");
      t.timestamp("scheduled_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.primary(["kind", "key"]);
    });
    await db.raw("create index timers_due on timers (due_at)");
  },
};

export type Timer = { kind: string; key: string; dueAt: Date; payload: unknown; /** Failed fires before this one. */ attempts: number };

export type TimerHandler = {
  /** The timers it fires. WARNING: a stored kind nobody handles any more never fires. */
  kind: string;
  /**
   * Runs in the transaction that deletes the timer: write the effect (and outbox events) with
   * `trx` only — never the service's db handle, which on the embedded database would wait for
   * the one connection this transaction holds. Throwing rolls the fire back; it is retried later.
   * Scheduling the same (kind, key) again from here re-arms it (a recurring timer).
   */
  handle(trx: Knex.Transaction, timer: Timer): Promise<void>;
  /**
   * Optional: fires many due timers of this kind at once, in one savepoint that deletes them all
   * (same rules as `handle`). A poller that claimed several calls it instead of `handle` per timer;
   * if it throws, the savepoint rolls back and each timer is fired alone with `handle`, so one bad
   * timer neither blocks nor repeats the others. For timers that are many at the same moment
   * (10,000 attendees' reminders), where per-timer round trips are most of the cost.
   */
  handleMany?(trx: Knex.Transaction, timers: Timer[]): Promise<void>;
};

/**
 * Plans a timer in the caller's transaction; an existing (kind, key) is re-planned (new time
 * and payload, attempts reset). Pollers are woken after commit when it is sooner than planned.
 */
export async function scheduleTimer(trx: Knex.Transaction, t: PlannedTimer): Promise<void> {
  await scheduleTimers(trx, [t]);
}

export type PlannedTimer = { kind: string; key: string; dueAt: Date; payload?: unknown };

function assertDue(t: PlannedTimer): void {
  if (!(t.dueAt instanceof Date) || Number.isNaN(t.dueAt.getTime())) throw new TypeError(`scheduleTimer ${t.kind}/${t.key}: dueAt is not a valid Date`);
}

/** Timers as rows of the timers table, planned afresh (no attempts, no error), stamped now. */
function timerRows(db: Knex, timers: PlannedTimer[]) {
  return timers.map((t) => {
    assertDue(t);
    return {
      kind: t.kind,
      key: t.key,
      due_at: t.dueAt,
      payload: t.payload === undefined ? null : JSON.stringify(t.payload),
      attempts: 0,
      last_error: null,
      scheduled_at: db.fn.now(),
    };
  });
}

/**
 * Plans many timers in one statement (a batch of bookings' holds); same rules as scheduleTimer.
 * `keepEarlier`: a (kind, key) already planned sooner keeps its time (and payload and attempts),
 * so "at the latest then" never postpones a fire already due earlier (one digest per user).
 */
export async function scheduleTimers(trx: Knex.Transaction, timers: PlannedTimer[], opts: { keepEarlier?: boolean } = {}): Promise<void> {
  if (timers.length === 0) return;
  const rows = timerRows(trx, timers);
  const merge = opts.keepEarlier
    ? {
      due_at: trx.raw("least(timers.due_at, excluded.due_at)"),
      payload: trx.raw("case when excluded.due_at < timers.due_at then excluded.payload else timers.payload end"),
      attempts: trx.raw("case when excluded.due_at < timers.due_at then 0 else timers.attempts end"),
    }
    : ["due_at", "payload", "attempts", "last_error", "scheduled_at"];
  const schema = schemaOfTrx(trx);
  const due = timers.reduce((m, t) => Math.min(m, t.dueAt.getTime()), Infinity);
  for (let i = 0; i < rows.length; i += 1000) {
    const insert = trx("timers").insert(rows.slice(i, i + 1000)).onConflict(["kind", "key"]).merge(merge);
    // Pollers of this process hear of the timers at once through the transaction's own promise;
    // without one here, Postgres delivers a NOTIFY at commit to every replica — sent with the last
    // rows, in their statement: no round trip of its own.
    const notify = isPostgres(trx) && i + 1000 >= rows.length && !localPollerOf(schema);
    if (notify) await trx.raw("with i as (?) select pg_notify(?, ?)", [insert, channelName(schema), String(due)]);
    else await insert;
  }
  afterCommit(trx, () => announceLocal(schema, due));
}

/**
 * scheduleTimers (without keepEarlier) as a write to compose into one statement with the state
 * change it belongs to (kit/db.ts `writeAtOnce`).
 */
export function timersWrite(db: Knex, timers: PlannedTimer[]): Write {
  if (timers.length === 0) throw new TypeError("timersWrite: no timers");
  const rows = timerRows(db, timers);
  const schema = schemaOfTrx(db);
  const due = timers.reduce((m, t) => Math.min(m, t.dueAt.getTime()), Infinity);
  return {
    statement: db("timers").insert(rows).onConflict(["kind", "key"]).merge(["due_at", "payload", "attempts", "last_error", "scheduled_at"]),
    ...(localPollerOf(schema) ? {} : { notify: { channel: channelName(schema), payload: String(due) } }),
    committed: () => announceLocal(schema, due),
  };
}

/**
 * scheduleTimers (without keepEarlier) as SQL text with its values inlined, for a caller that
 * sends all the statements of its transaction at once (the bookings inventory writes a batch and
 * commits in one round trip). It runs `statements` in that transaction and calls `scheduled()`
 * once it committed, so this process's pollers hear of the timers at once.
 */
export function scheduleTimersSql(db: Knex | Knex.Transaction, timers: PlannedTimer[]): { statements: string[]; scheduled(): void } {
  if (timers.length === 0) return { statements: [], scheduled: () => undefined };
  for (const t of timers) assertDue(t);
  const rows = timers.map((t) => ({ kind: t.kind, key: t.key, due_at: t.dueAt, payload: t.payload ?? null }));
  const schema = schemaOfTrx(db);
  const due = timers.reduce((m, t) => Math.min(m, t.dueAt.getTime()), Infinity);
  const statements = [
    `insert into timers (kind, key, due_at, payload, attempts, last_error, scheduled_at)
     select kind, key, due_at, payload, 0, null, now() from json_populate_recordset(null::timers, ${sqlLiteral(JSON.stringify(rows))})
     on conflict (kind, key) do update set due_at = excluded.due_at, payload = excluded.payload, attempts = excluded.attempts, last_error = excluded.last_error, scheduled_at = excluded.scheduled_at`,
  ];
  if (isPostgres(db) && !localPollerOf(schema)) statements.push(`select pg_notify(${sqlLiteral(channelName(schema))}, ${sqlLiteral(String(due))})`);
  return { statements, scheduled: () => announceLocal(schema, due) };
}

/** cancelTimers as SQL text, for a caller that sends its transaction's statements together. */
export function cancelTimersSql(kind: string, keys: string[]): string[] {
  return keys.length ? [`delete from timers where kind = ${sqlLiteral(kind)} and key in (${keys.map(sqlLiteral).join(", ")})`] : [];
}

/** Drops a timer in the caller's transaction (nothing happens when there is none). */
export async function cancelTimer(trx: Knex.Transaction, kind: string, key: string): Promise<void> {
  await trx("timers").where({ kind, key }).delete();
}

/** Cancels the timers of many keys of one kind in one statement (a batch of decisions). */
export async function cancelTimers(trx: Knex.Transaction, kind: string, keys: string[]): Promise<void> {
  if (keys.length) await trx("timers").where({ kind }).whereIn("key", keys).delete();
}

/** The timer of (kind, key) when one is planned (tests, admin views). */
export async function findTimer(db: Db | Knex.Transaction, kind: string, key: string): Promise<Timer | undefined> {
  const row = await db("timers").where({ kind, key }).first<TimerRow | undefined>("kind", "key", "due_at", "payload", "attempts");
  return row && toTimer(row);
}

export type TimerPoller = {
  /** Look for due timers now. */
  kick(): void;
  /** Stops claiming; a fire in progress finishes (and commits) first. */
  stop(): Promise<void>;
};

export type TimerOptions = {
  db: Db;
  schema: string;
  handlers: TimerHandler[];
  log: Logger;
  /** Called after a batch that fired something has committed (the runner wakes the outbox relay). */
  afterCommit?: () => void;
  /** Postgres URL for the LISTEN connection (real Postgres only). */
  listenUrl?: string;
  /** Timers claimed per transaction. */
  batchSize?: number;
  /** Longest sleep between looks (a NOTIFY or a local schedule wakes it sooner). */
  pollMs?: number;
  /** Retry delay after a failed fire: base * 2^(attempts-1), capped at maxMs. */
  retry?: { baseMs: number; maxMs: number };
};

type TimerRow = { kind: string; key: string; due_at: Date | string; payload: unknown; attempts: number };

export function startTimers(opts: TimerOptions): TimerPoller {
  const byKind = new Map<string, TimerHandler>();
  for (const h of opts.handlers) {
    if (byKind.has(h.kind)) throw new Error(`timer kind ${h.kind} has two handlers`);
    byKind.set(h.kind, h);
  }
  const kinds = [...byKind.keys()];
  const batchSize = opts.batchSize ?? 100;
  const pollMs = opts.pollMs ?? 1_000;
  const retry = opts.retry ?? { baseMs: 1_000, maxMs: 300_000 };
  const fired = meter().createCounter("timers_fired", { description: "Timers fired (handler committed), by service and kind." });
  const failed = meter().createCounter("timers_failed", { description: "Timer fires that threw and were rolled back for a retry, by service and kind." });
  const lag = meter().createHistogram("timers_lag_seconds", {
    description: "How late a timer fired: commit time minus due time.",
    unit: "s",
    advice: { explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] },
  });

  let running = true;
  let kicked = false;
  // When the current sleep ends, and the soonest due time announced since the last look.
  let wakeAt = Infinity;
  let soonest = Infinity;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;

  const announce = (due: number) => {
    soonest = Math.min(soonest, due);
    if (due < wakeAt) wake?.();
  };
  const kick = () => {
    kicked = true;
    wake?.();
  };
  const sleepUntil = (at: number) =>
    new Promise<void>((resolve) => {
      wakeAt = at;
      const t = setTimeout(done, Math.max(0, at - Date.now()));
      function done() {
        clearTimeout(t);
        wake = undefined;
        wakeAt = Infinity;
        resolve();
      }
      wake = done;
    });

  const local = localAnnouncers(opts.schema);
  local.add(announce);
  if (opts.listenUrl) {
    listener = new pg.Client({ connectionString: opts.listenUrl });
    listener.on("notification", (n) => announce(Number(n.payload) || 0));
    listener.on("error", (err) => opts.log.warn({ err }, "timer listener lost; polling"));
    listener
      .connect()
      .then(() => listener!.query(`listen "${channelName(opts.schema)}"`))
      .catch((err) => opts.log.warn({ err }, "timer listener unavailable; polling"));
  }

  const loop = (async () => {
    let failures = 0;
    while (running) {
      kicked = false;
      soonest = Infinity;
      let claimed: number;
      let next: number | undefined;
      try {
        claimed = await pass();
        if (claimed >= batchSize) continue;
        next = await nextDue();
        failures = 0;
      } catch (err) {
        failures++;
        opts.log.warn({ err, failures }, "timer pass failed; retrying");
        if (running) await sleepUntil(Date.now() + Math.min(100 * 2 ** failures, 5_000));
        continue;
      }
      if (!running || kicked) continue;
      const now = Date.now();
      let at = Math.min(now + pollMs, soonest, next ?? Infinity);
      // Due but not claimed: another replica holds those rows. Look again shortly, not in a spin.
      if (claimed === 0 && at <= now) at = now + Math.min(pollMs, 100);
      await sleepUntil(at);
    }
  })();

  /** One transaction: claim due timers, fire each in a savepoint, commit. Returns how many it claimed. */
  async function pass(): Promise<number> {
    const done: Array<{ kind: string; dueAt: Date }> = [];
    const claimed = await opts.db.transaction(async (trx) => {
      const rows: TimerRow[] = await trx("timers")
        .select("kind", "key", "due_at", "payload", "attempts")
        .whereIn("kind", kinds)
        .where("due_at", "<=", new Date())
        .orderBy("due_at")
        .limit(batchSize)
        .forUpdate()
        .skipLocked();
      const byKindRows = new Map<string, Timer[]>();
      for (const row of rows) byKindRows.set(row.kind, [...(byKindRows.get(row.kind) ?? []), toTimer(row)]);
      const single: Timer[] = [];
      for (const [kind, timers] of byKindRows) {
        const handler = byKind.get(kind)!;
        if (!handler.handleMany || timers.length < 2) {
          single.push(...timers);
          continue;
        }
        try {
          await inSpan(
            `timers ${kind}`,
            { kind: SpanKind.INTERNAL, parent: ROOT_CONTEXT, attributes: { "timer.kind": kind, "timer.count": timers.length } },
            () =>
              trx.transaction(async (sp) => {
                await sp("timers").where({ kind }).whereIn("key", timers.map((t) => t.key)).delete();
                await handler.handleMany!(sp, timers);
              }),
          );
          done.push(...timers);
        } catch (err) {
          opts.log.warn({ err, kind, timers: timers.length }, "timer batch failed; firing its timers one by one");
          single.push(...timers);
        }
      }
      for (const timer of single) {
        try {
          await inSpan(`timer ${timer.kind}`, {
            kind: SpanKind.INTERNAL,
            parent: ROOT_CONTEXT,
            attributes: { "timer.kind": timer.kind, "timer.key": timer.key, "timer.attempts": timer.attempts },
          }, () =>
            trx.transaction(async (sp) => {
              // Deleted first, so a handler that schedules the same (kind, key) re-arms it.
              await sp("timers").where({ kind: timer.kind, key: timer.key }).delete();
              await byKind.get(timer.kind)!.handle(sp, timer);
            }));
          done.push(timer);
        } catch (err) {
          const attempts = timer.attempts + 1;
          failed.add(1, { service: opts.schema, kind: timer.kind });
          const delay = Math.min(retry.baseMs * 2 ** (attempts - 1), retry.maxMs);
          opts.log.warn({ err, kind: timer.kind, key: timer.key, attempts, retryInMs: delay }, "timer handler failed; it fires again later");
          // Its savepoint is rolled back: the row is back, with its next try recorded.
          await trx("timers")
            .where({ kind: timer.kind, key: timer.key })
            .update({ attempts, due_at: new Date(Date.now() + delay), last_error: String(err).slice(0, 500) });
        }
      }
      return rows.length;
    });
    if (done.length) {
      const now = Date.now();
      for (const t of done) {
        fired.add(1, { service: opts.schema, kind: t.kind });
        lag.record(Math.max(0, now - t.dueAt.getTime()) / 1_000, { service: opts.schema, kind: t.kind });
      }
      opts.afterCommit?.();
    }
    return claimed;
  }

  async function nextDue(): Promise<number | undefined> {
    const row = await opts.db("timers").whereIn("kind", kinds).min<{ next: Date | string | null }>("due_at as next").first();
    return row?.next ? new Date(row.next).getTime() : undefined;
  }

  return {
    kick,
    async stop() {
      running = false;
      wake?.();
      await loop;
      local.delete(announce);
      await listener?.end().catch(() => undefined);
    },
  };
}

function toTimer(row: TimerRow): Timer {
  const payload = typeof row.payload === "string" ? (JSON.parse(row.payload) as unknown) : row.payload;
  return { kind: row.kind, key: row.key, dueAt: new Date(row.due_at), payload: payload ?? undefined, attempts: row.attempts };
}

// Pollers of this process by schema: a commit that scheduled a timer tells them at once.
const localPollers = new Map<string, Set<(due: number) => void>>();

function localAnnouncers(schema: string): Set<(due: number) => void> {
  let set = localPollers.get(schema);
  if (!set) localPollers.set(schema, set = new Set());
  return set;
}

/**
 * Whether a poller of this process serves `schema`: it hears of a commit's timers at once, so
 * the writer sends no NOTIFY (which would wake every listening backend of the database); other
 * replicas' pollers look at least every TIMERS_POLL_MS, so a timer whose writer died right after
 * its commit still fires within that of its due time.
 */
function localPollerOf(schema: string): boolean {
  return (localPollers.get(schema)?.size ?? 0) > 0;
}

function announceLocal(schema: string, due: number): void {
  for (const a of localPollers.get(schema) ?? []) a(due);
}

function channelName(schema: string): string {
  return `timers_${schema}`;
}
