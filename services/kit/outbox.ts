/**
 * The transactional outbox. A use case writes its state change and its domain event in one
 * transaction (`enqueue`); a relay in every replica claims unpublished rows with
 * FOR UPDATE SKIP LOCKED, publishes them to JetStream with msgID = row id (a publish retried
 * after a crash is dropped as a duplicate by the stream), and marks them published.
 * Rows are claimed by state, never by `id > last_id`: sequences commit out of order, so a
 * cursor would skip a row whose transaction was still open.
 */
import { timeOrderedId } from "./ids.ts";
import pg from "pg";
import type { Knex } from "knex";
import type { JetStreamClient } from "@nats-io/jetstream";
import { headers as natsHeaders, type NatsConnection } from "@nats-io/nats-core";
import { request } from "./mux.ts";
import type { Static } from "@sinclair/typebox";
import type { MessageContract } from "../../subjects/contract.ts";
import type { Envelope } from "../../subjects/envelope.ts";
import { check } from "./validate.ts";
import { context, extractTrace, injectTrace, inSpan, meter, SpanKind } from "./trace.ts";
import { afterCommit, type Db, inHeldTransaction, isPostgres, type Migration, schemaOfTrx, sqlLiteral, type Write } from "./db.ts";
import type { Logger } from "./log.ts";

export const outboxMigration: Migration = {
  name: "000_kit_outbox",
  async up(db) {
    await db.schema.createTable("outbox", (t) => {
      t.uuid("id").primary();
      t.text("subject").notNullable();
      t.jsonb("envelope").notNullable();
      t.jsonb("headers").notNullable().defaultTo("{}");
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.timestamp("published_at", { useTz: true });
      t.integer("attempts").notNullable().defaultTo(0);
      t.text("last_error");
    });
    await db.raw("create index outbox_unpublished on outbox (created_at) where published_at is null");
  },
};

/**
 * The envelope and headers as `json`, not `jsonb`: the relay reads them back as text and forwards
 * them unparsed, so jsonb's decomposition on every insert bought nothing — and it was the largest
 * part of a bookings batch's one INSERT, under the event's lock (300 envelopes: ≈ 19 ms as jsonb,
 * ≈ 8 ms as json; docs/benchmarks.md, session 9). `json` still refuses text that is not JSON, and
 * `->`/`->>` read it as before.
 */
export const outboxJsonMigration: Migration = {
  name: "004_kit_outbox_json",
  async up(db) {
    await db.raw("alter table outbox alter column envelope type json using envelope::json, alter column headers type json using headers::json");
  },
};

/** Outbox rows as one INSERT with their values inlined (sqlLiteral), for statements sent as text. */
export function outboxInsertSql(rows: OutboxRow[]): string {
  const values = rows.map((x) => `(${sqlLiteral(x.id)}, ${sqlLiteral(x.subject)}, ${sqlLiteral(x.envelope)}, ${sqlLiteral(x.headers)})`);
  return `insert into outbox (id, subject, envelope, headers) values ${values.join(", ")}`;
}

/** Drops outbox rows its transaction wrote and then decided against (they were never visible). */
export function outboxDropSql(ids: string[]): string[] {
  return ids.length ? [`delete from outbox where id in (${ids.map(sqlLiteral).join(", ")})`] : [];
}

/** An outbox row as the relay publishes it: the envelope and the W3C trace context, as JSON. */
export type OutboxRow = { id: string; subject: string; envelope: string; headers: string };

/** The active trace context as the headers the relay publishes with (JSON). */
function traceHeadersJson(): string {
  const traceHeaders: Record<string, string> = {};
  const h = injectTrace(natsHeaders(), context.active());
  for (const k of h.keys()) traceHeaders[k] = h.get(k);
  return JSON.stringify(traceHeaders);
}

function envelopeOf<C extends MessageContract>(contract: C, data: Static<C["data"]>, source: string, id: string, at: Date): Envelope<Static<C["data"]>> {
  check(contract.data, data);
  return { id, type: contract.subject, version: contract.version, source, occurredAt: at.toISOString(), data };
}

/**
 * The outbox rows of many domain events, each checked against its contract, for a caller that
 * writes them in one statement of its own (a batch of hundreds of reservations) and wakes the
 * relay after its commit (`flushOutbox`); `enqueue` is the one-event form that does both.
 * Envelope ids (the outbox's key, JetStream's msgID) are time-ordered UUIDv7s: an insert lands at
 * the primary key's right edge instead of on a random page.
 */
export function outboxRows<C extends MessageContract>(items: Array<{ contract: C; data: Static<C["data"]> }>, opts: { source: string; at: Date }): OutboxRow[] {
  const headers = traceHeadersJson();
  return items.map(({ contract, data }) => {
    const envelope = envelopeOf(contract, data, opts.source, timeOrderedId(), opts.at);
    return { id: envelope.id, subject: contract.subject, envelope: JSON.stringify(envelope), headers };
  });
}

/**
 * Domain events as a write to compose into one statement with the state change they announce
 * (kit/db.ts `writeAtOnce`): their outbox rows, the NOTIFY that wakes other replicas' relays, and
 * this process's relays woken once it committed.
 */
export function outboxWrite<C extends MessageContract>(
  db: Knex,
  items: Array<{ contract: C; data: Static<C["data"]> }>,
  opts: { source: string; at: Date },
): Write {
  const schema = schemaOfTrx(db);
  const rows = outboxRows(items, opts);
  return {
    statement: db("outbox").insert(rows),
    ...(localRelayOf(schema) ? {} : { notify: { channel: channelName(schema), payload: "" } }),
    committed: () => handToLocalRelay(schema, rows),
  };
}

/**
 * Domain events as SQL text with their values inlined, for a caller that drives its transaction
 * itself and sends its statements together in one simple query (kit/db.ts holdConnection): the
 * statements (on Postgres with the NOTIFY that wakes other replicas' relays at commit), and the
 * wake-up of this process's relays to call once the transaction committed.
 */
export function outboxSql<C extends MessageContract>(
  db: Knex,
  items: Array<{ contract: C; data: Static<C["data"]> }>,
  opts: { source: string; at: Date },
): { statements: string[]; committed(): void } {
  const schema = schemaOfTrx(db);
  const rows = outboxRows(items, opts);
  const insert = outboxInsertSql(rows);
  return {
    statements: [isPostgres(db) && !localRelayOf(schema) ? `with i as (${insert}) select pg_notify(${sqlLiteral(channelName(schema))}, '')` : insert],
    committed: () => handToLocalRelay(schema, rows),
  };
}

/**
 * Records a domain event in the caller's transaction. Nothing is published until the
 * transaction commits, and nothing committed is ever left unpublished.
 */
export async function enqueue<C extends MessageContract>(
  trx: Knex.Transaction,
  contract: C,
  data: Static<C["data"]>,
  opts: { source: string; id?: string; occurredAt?: Date },
): Promise<Envelope<Static<C["data"]>>> {
  const envelope = envelopeOf(contract, data, opts.source, opts.id ?? timeOrderedId(), opts.occurredAt ?? new Date());
  const row: OutboxRow = { id: envelope.id, subject: contract.subject, envelope: JSON.stringify(envelope), headers: traceHeadersJson() };
  const insert = trx("outbox").insert(row);
  const schema = schemaOfTrx(trx);
  // Published right after commit, with no flush to remember: relays of this process are woken
  // by the commit itself; without one, other replicas' by the NOTIFY Postgres delivers at commit —
  // sent in the insert's own statement (no round trip of its own), once per transaction: Postgres
  // delivers one notification per channel and payload at commit however many were sent.
  if (isPostgres(trx) && !notifying.has(trx) && !localRelayOf(schema)) {
    notifying.add(trx);
    await trx.raw("with i as (?) select pg_notify(?, '')", [insert, channelName(schema)]);
  } else await insert;
  // Handed over only if every savepoint up to the transaction was kept: a row rolled back with its
  // savepoint is not in the outbox, however the transaction ends.
  afterCommit(trx, () => handToLocalRelay(schema, [row]));
  return envelope;
}

export type Relay = {
  /** Publish now rather than at the next poll. */
  kick(): void;
  /**
   * Publishes rows this process just committed, without claiming them (their writer hands them
   * over: outboxWrite, outboxSql, enqueue), and marks them published in batches. A row whose
   * publish fails is left to a pass; one whose writer dies before the mark is published again by
   * a pass and dropped by the stream as a duplicate (msgID = row id, 2 h window).
   */
  publish(rows: OutboxRow[]): void;
  stop(): Promise<void>;
  /** Resolves once a pass found nothing left to publish (for tests and shutdown). */
  idle(): Promise<void>;
};

export type RelayOptions = {
  db: Db;
  js: JetStreamClient;
  /**
   * The connection under `js`: when given, rows are published as plain requests on its one inbox
   * (kit/mux.ts) and the stream's ack read here — js.publish allocates a timer and an Error with a
   * stack per message, a tenth of a booking's CPU in a flash sale's relay.
   */
  nc?: NatsConnection;
  schema: string;
  log: Logger;
  batchSize?: number;
  /** Fallback poll; LISTEN/NOTIFY wakes the relay at once on real Postgres. */
  pollMs?: number;
  /** Postgres URL for the LISTEN connection. */
  listenUrl?: string;
};

export function startRelay(opts: RelayOptions): Relay {
  const batchSize = opts.batchSize ?? 500;
  const pollMs = opts.pollMs ?? (opts.listenUrl ? 1_000 : 100);
  const published = meter().createCounter("outbox_published", { description: "Outbox rows published to JetStream." });
  let backlog = 0;
  const gauge = meter().createObservableGauge("outbox_backlog", { description: "Outbox rows not yet published." });
  const observe = (r: { observe(v: number, a?: Record<string, string>): void }) => r.observe(backlog, { service: opts.schema });
  gauge.addCallback(observe);

  let running = true;
  let wake: (() => void) | undefined;
  // A kick that lands while a pass runs must not wait for the next poll: the pass may have
  // selected its rows before the kicking transaction committed.
  let kicked = false;
  // idle() waiters are answered only by a pass that started after they asked, so a pass that
  // selected its rows before the caller's commit cannot report "nothing left".
  let idleAsked: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];
  let listener: pg.Client | undefined;

  const kick = () => {
    kicked = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  // Rows handed over by their writers: published or being published, not yet marked. A pass
  // leaves them alone (it would publish them twice).
  const handed = new Set<string>();
  let toMark: string[] = [];
  let marking: Promise<void> | undefined;
  let handedIdle: Array<() => void> = [];
  const settleHanded = () => {
    if (handed.size > 0) return;
    for (const w of handedIdle) w();
    handedIdle = [];
  };
  /**
   * One UPDATE for every row published since the last: a mark per pass cost a round trip (two with
   * the claim) for each of a checkout's events. Marks run one at a time, the next taking whatever
   * was published meanwhile, after MARK_LINGER_MS.
   */
  const markSoon = () => {
    if (marking || toMark.length === 0) return;
    marking = (async () => {
      await new Promise((r) => setTimeout(r, running ? MARK_LINGER_MS : 0));
      const ids = toMark;
      toMark = [];
      try {
        await opts.db.raw("update outbox set published_at = now() where id = any(?::uuid[]) and published_at is null", [ids]);
      } catch (err) {
        // Left unpublished: a pass publishes them again, and the stream drops the duplicates.
        opts.log.warn({ err, rows: ids.length }, "outbox: marking published rows failed");
        kick();
      }
      for (const id of ids) handed.delete(id);
      settleHanded();
    })().finally(() => {
      marking = undefined;
      markSoon();
    });
  };
  const publishHanded = (rows: OutboxRow[]) => {
    for (const row of rows) {
      handed.add(row.id);
      publishRow(row).then(
        () => {
          published.add(1, { service: opts.schema });
          toMark.push(row.id);
          markSoon();
        },
        (err: unknown) => {
          opts.log.warn({ err, id: row.id }, "outbox: publishing a committed row failed; a pass retries it");
          handed.delete(row.id);
          settleHanded();
          kick();
        },
      );
    }
  };
  const self = { kick, publish: publishHanded };

  let local = localRelays.get(opts.schema);
  if (!local) localRelays.set(opts.schema, local = new Set());
  local.add(self);
  if (opts.listenUrl) {
    listener = new pg.Client({ connectionString: opts.listenUrl });
    listener.on("notification", kick);
    listener.on("error", (err) => opts.log.warn({ err }, "outbox listener lost; polling"));
    listener
      .connect()
      .then(() => listener!.query(`listen "${channelName(opts.schema)}"`))
      .catch((err) => opts.log.warn({ err }, "outbox listener unavailable; polling"));
  }

  const loop = (async () => {
    let failures = 0;
    while (running) {
      kicked = false;
      idleWaiters.push(...idleAsked);
      idleAsked = [];
      let n = 0;
      let clean = false;
      try {
        let failure: unknown;
        [n, clean, failure] = await pass();
        if (failure !== undefined) throw failure;
        failures = 0;
      } catch (err) {
        failures++;
        opts.log.warn({ err, failures }, "outbox relay pass failed; retrying");
        await sleep(Math.min(100 * 2 ** failures, 5_000));
        continue;
      }
      if (n < batchSize) {
        if (clean) {
          for (const w of idleWaiters) w();
          idleWaiters = [];
        }
        if (running && !kicked) await sleep(clean ? pollMs : Math.min(pollMs, 1_000));
      }
    }
  })();

  /**
   * One batch: how many rows it claimed, whether every one was published, and the error when
   * none was (returned, not thrown, so the attempts and last_error it records are committed).
   * Two round trips on a connection held for the pass (kit/db.ts inHeldTransaction): BEGIN with the
   * claim, then the marks with COMMIT — knex would send BEGIN, the claim, each mark and COMMIT
   * apart, and a relay passes several times per checkout.
   */
  async function pass(): Promise<[number, boolean, unknown?]> {
    const done = await inHeldTransaction(opts.db, async (send) => {
      // As text: the relay forwards the envelope as it was written, never parses it.
      const skip = handed.size ? `and id not in (${[...handed].map(sqlLiteral).join(", ")})` : "";
      const [claimed] = (await send([
        `select id, subject, envelope::text as envelope, headers::text as headers from outbox
          where published_at is null ${skip} order by created_at limit ${batchSize} for update skip locked`,
      ])) as [Array<{ id: string; subject: string; envelope: string; headers: string }>];
      // Rows handed over while the claim was on its way are their writer's to publish and mark.
      const rows = handed.size ? claimed.filter((r) => !handed.has(r.id)) : claimed;
      if (rows.length === 0) return { result: { claimed: claimed.length, rows: 0, ok: 0, failed: undefined } };
      // Pipelined: issued in order on one connection, so the stream keeps the outbox order.
      const acks = rows.map((row) => publishRow(row));
      const results = await Promise.allSettled(acks);
      const ok = rows.filter((_, i) => results[i].status === "fulfilled").map((r) => r.id);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult | undefined;
      const marks: string[] = [];
      if (ok.length) marks.push(`update outbox set published_at = now() where id in (${ok.map(sqlLiteral).join(", ")})`);
      if (failed) {
        const bad = rows.filter((_, i) => results[i].status === "rejected").map((r) => sqlLiteral(r.id));
        marks.push(
          `update outbox set attempts = attempts + 1, last_error = ${sqlLiteral(String(failed.reason).slice(0, 500))} where id in (${bad.join(", ")})`,
        );
      }
      return { result: { claimed: claimed.length, rows: rows.length, ok: ok.length, failed }, end: marks };
    });
    if (done.ok) published.add(done.ok, { service: opts.schema });
    backlog = Math.max(0, done.rows - done.ok);
    if (done.failed && done.ok === 0) return [done.claimed, false, done.failed.reason];
    return [done.claimed, !done.failed];
  }

  async function publishRow(row: { id: string; subject: string; envelope: Envelope | string; headers: Record<string, string> | string }): Promise<void> {
    const stored = typeof row.headers === "string" ? (JSON.parse(row.headers) as Record<string, string>) : row.headers;
    const payload = typeof row.envelope === "string" ? row.envelope : JSON.stringify(row.envelope);
    const h = natsHeaders();
    for (const [k, v] of Object.entries(stored ?? {})) h.set(k, v);
    // The span continues the trace of the request that wrote the row.
    await inSpan(`publish ${row.subject}`, {
      kind: SpanKind.PRODUCER,
      parent: extractTrace(h),
      attributes: { "messaging.system": "nats", "messaging.destination.name": row.subject },
    }, async () => {
      injectTrace(h);
      if (!opts.nc) {
        await opts.js.publish(row.subject, payload, { msgID: row.id, headers: h, timeout: 5_000 });
        return;
      }
      h.set("Nats-Msg-Id", row.id);
      const ack = await request(opts.nc, row.subject, encoder.encode(payload), { timeout: 5_000, headers: h });
      const answer = JSON.parse(decoder.decode(ack.data)) as { stream?: string; error?: { code: number; err_code?: number; description: string } };
      if (answer.error) {
        throw new Error(`${row.subject}: ${answer.error.description} (${answer.error.code}${answer.error.err_code ? `/${answer.error.err_code}` : ""})`);
      }
      if (!answer.stream) throw new Error(`${row.subject}: invalid stream ack`);
    });
  }

  const handedDone = () => new Promise<void>((resolve) => (handed.size === 0 ? resolve() : handedIdle.push(resolve)));
  return {
    kick,
    publish: publishHanded,
    idle: async () => {
      await handedDone();
      await new Promise<void>((resolve) => {
        if (!running) return resolve();
        idleAsked.push(resolve);
        kick();
      });
    },
    async stop() {
      local.delete(self);
      running = false;
      kick();
      await loop;
      await handedDone();
      gauge.removeCallback(observe);
      for (const w of [...idleWaiters, ...idleAsked]) w();
      idleWaiters = [];
      idleAsked = [];
      await listener?.end().catch(() => undefined);
    },
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Transactions (or savepoints) whose statements already carry the relays' NOTIFY. Keyed by the
 * transaction object itself: a savepoint that rolls back takes its NOTIFY with it, and the outer
 * transaction, not in the set, sends its own with its next row.
 */
const notifying = new WeakSet<Knex.Transaction>();

// Relays of this process by schema, handed the rows of a transaction that enqueued once it committed.
const localRelays = new Map<string, Set<{ kick(): void; publish(rows: OutboxRow[]): void }>>();

/** How long a mark of handed rows waits for more (they are published already; the mark only records it). */
const MARK_LINGER_MS = 50;

/** After a commit: one relay of this process publishes the rows (if it has none, other replicas' relays were NOTIFYed). */
function handToLocalRelay(schema: string, rows: OutboxRow[]): void {
  const relay = localRelays.get(schema)?.values().next().value;
  if (relay) relay.publish(rows);
}

/**
 * Whether a relay of this process serves `schema`: it is woken by the commit itself, so the
 * writer sends no NOTIFY. A NOTIFY wakes every listening backend of the database at commit (the
 * outbox and timer listeners of every service: 6 per commit in one process), ≈ 0.6 ms of
 * Postgres CPU per checkout for wake-ups whose relays either had already been woken in process or
 * would find the rows taken. Other replicas' relays still poll (every second at most), so a row
 * whose writer died right after its commit is published within that.
 */
function localRelayOf(schema: string): boolean {
  return (localRelays.get(schema)?.size ?? 0) > 0;
}

function channelName(schema: string): string {
  return `outbox_${schema}`;
}
