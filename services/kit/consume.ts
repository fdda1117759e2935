/**
 * Durable pull consumers shared by every replica of a service: the consumer group. A message is
 * acked only after its handler's work is durable; a failure is nak'ed with backoff; a message that
 * fails its schema, or fails on its last delivery, goes to DEAD_LETTERS with the error and the
 * group moves on. `once` makes a handler idempotent across redeliveries.
 */
import type { JetStreamClient, JetStreamManager, JsMsg } from "@nats-io/jetstream";
import { AckPolicy, DeliverPolicy } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import type { Knex } from "knex";
import { Envelope } from "../../subjects/envelope.ts";
import type { DataOf, MessageContract } from "../../subjects/contract.ts";
import { consumerDefaults, deadLetterSubject, type StreamName, streams } from "../../subjects/streams.ts";
import { check } from "./validate.ts";
import { AppError } from "./errors.ts";
import { extractSpanContext, inSpan, meter, SpanKind } from "./trace.ts";
import type { Db, Migration } from "./db.ts";
import type { Logger } from "./log.ts";

export type MessageContext = {
  /** 1 on first delivery. */
  deliveryCount: number;
  streamSeq: number;
  /** Tell the server the work goes on, so it does not redeliver after ack_wait. */
  working(): void;
  log: Logger;
};

export type MessageHandler<C extends MessageContract> = (envelope: Envelope<DataOf<C>>, ctx: MessageContext) => Promise<void>;

export type On = { contract: MessageContract; handle: (envelope: Envelope<unknown>, ctx: MessageContext) => Promise<void> };

/** Binds a handler to the contract of the messages it takes. */
export function on<C extends MessageContract>(contract: C, handle: MessageHandler<C>): On {
  return { contract, handle: handle as On["handle"] };
}

export type ConsumerSpec = {
  /** The JetStream durable name, shared by all replicas. WARNING: renaming it is a migration. */
  durable: string;
  stream: StreamName;
  /** One filter subject (nats-server 2.9 has no filter_subjects): use a wildcard for several types. */
  filter: string;
  /** Handlers by message type; messages of other types under the filter are acked and skipped. */
  handlers: On[];
  maxDeliver?: number;
  backoffMs?: readonly number[];
  ackWaitMs?: number;
  /** Messages handled at once by this replica. */
  concurrency?: number;
  /** Where a new durable starts; default: everything the stream still holds. */
  deliverPolicy?: "all" | "new";
  /**
   * The durable this one takes over, when a consumer is split by subject (nats-server 2.9 has one
   * filter per durable, so a handler of a few types under a wide filter is handed every message
   * under it only to skip most). Created while that durable still exists, a replacement starts right
   * after its ack floor: history is neither replayed nor skipped (what it acked out of order past the
   * floor comes again; handlers are idempotent, and `once` keys stay the old durable's name).
   * `retireReplaced` deletes the old durable once every replacement of it exists. Keep the old name
   * in bus.durables (the permission to read and delete it).
   */
  replaces?: string;
};

export type RunningConsumer = { stop(): Promise<void> };

const ms = (n: number) => n * 1_000_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Creates the durable if missing, updates it if its settings changed. */
export async function ensureConsumer(jsm: JetStreamManager, spec: ConsumerSpec): Promise<void> {
  const maxDeliver = spec.maxDeliver ?? consumerDefaults.maxDeliver;
  const config = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    ack_wait: ms(spec.ackWaitMs ?? consumerDefaults.ackWaitMs),
    max_deliver: maxDeliver,
    filter_subject: spec.filter,
    max_ack_pending: consumerDefaults.maxAckPending,
  };
  const stream = streams[spec.stream].name;
  try {
    await jsm.consumers.info(stream, spec.durable);
    const { durable_name: _name, ...mutable } = config;
    await jsm.consumers.update(stream, spec.durable, mutable);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    let start: { deliver_policy: DeliverPolicy; opt_start_seq?: number } = {
      deliver_policy: spec.deliverPolicy === "new" ? DeliverPolicy.New : DeliverPolicy.All,
    };
    if (spec.replaces) {
      const old = await jsm.consumers.info(stream, spec.replaces).catch((e) => {
        if (isNotFound(e)) return undefined;
        throw e;
      });
      if (old) start = { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: old.ack_floor.stream_seq + 1 };
    }
    await jsm.consumers.add(stream, { ...config, ...start }).catch((e) => {
      if (!/already (in use|exists)/i.test(String(e))) throw e;
    });
  }
}

const isNotFound = (err: unknown) => /not found/i.test(String(err));

/**
 * Deletes the durables that `specs` replace (ConsumerSpec.replaces) once every replacement of each
 * exists; call it after the replacements were ensured. Another replica doing the same at once
 * finds the old durable gone: nothing to do.
 */
export async function retireReplaced(jsm: JetStreamManager, specs: ConsumerSpec[], log?: Logger): Promise<void> {
  const olds = new Map<string, ConsumerSpec[]>();
  for (const s of specs) if (s.replaces) olds.set(`${s.stream} ${s.replaces}`, [...(olds.get(`${s.stream} ${s.replaces}`) ?? []), s]);
  for (const replacements of olds.values()) {
    const stream = streams[replacements[0].stream].name;
    const old = replacements[0].replaces!;
    const present = await Promise.all(replacements.map((r) => jsm.consumers.info(stream, r.durable).then(() => true, () => false)));
    if (!present.every(Boolean)) continue;
    const deleted = await jsm.consumers.delete(stream, old).catch((e) => {
      if (isNotFound(e)) return false;
      throw e;
    });
    if (deleted) log?.info({ durable: old, by: replacements.map((r) => r.durable) }, "replaced durable deleted");
  }
}

export async function startConsumer(
  deps: { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager; log: Logger },
  spec: ConsumerSpec,
): Promise<RunningConsumer> {
  await ensureConsumer(deps.jsm, spec);
  const stream = streams[spec.stream].name;
  const maxDeliver = spec.maxDeliver ?? consumerDefaults.maxDeliver;
  const backoff = spec.backoffMs ?? consumerDefaults.backoffMs;
  const concurrency = spec.concurrency ?? 32;
  const byType = new Map(spec.handlers.map((h) => [h.contract.subject, h]));
  const log = deps.log.child({ durable: spec.durable });
  const handled = meter().createCounter("consumer_handled", { description: "Messages handled, by durable and outcome (ack, nak, dead)." });
  const dead = meter().createCounter("dead_letters", { description: "Messages sent to DEAD_LETTERS, by durable." });

  const consumer = await deps.js.consumers.get(stream, spec.durable);

  // Lag = messages the group has not yet been given; sampled, since asking on every scrape
  // from every replica would load the server for nothing.
  let lag = 0;
  const lagGauge = meter().createObservableGauge("consumer_lag", { description: "Messages not yet delivered to the consumer group, by stream and durable." });
  const observeLag = (r: { observe(v: number, a?: Record<string, string>): void }) => r.observe(lag, { stream, durable: spec.durable });
  lagGauge.addCallback(observeLag);
  const sampleLag = () => void consumer.info().then((i) => (lag = i.num_pending), () => undefined);
  sampleLag();
  const lagTimer = setInterval(sampleLag, 10_000);
  lagTimer.unref?.();
  const messages = await consumer.consume({ max_messages: Math.max(concurrency * 2, 10) });
  const inFlight = new Set<Promise<void>>();
  let slots = concurrency;
  let freed: (() => void) | undefined;

  // The server drops a message whose last delivery timed out (its worker died) and says so
  // only in a core-NATS advisory: copy such messages to DEAD_LETTERS so none vanishes.
  const advisory = deps.nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${spec.durable}`, {
    queue: `${spec.durable}-dlq`,
    callback: (err, m) => {
      if (err) return;
      const info = JSON.parse(decoder.decode(m.data)) as { stream_seq: number; deliveries: number };
      void deps.jsm.streams
        .getMessage(stream, { seq: info.stream_seq })
        .then((sm) =>
          sm && deadLetter(sm.subject, sm.data, info.stream_seq, info.deliveries, "max deliveries reached without an ack (worker lost or timed out)")
        )
        .catch((e) => log.error({ err: e, seq: info.stream_seq }, "could not dead-letter a message"));
    },
  });

  async function deadLetter(subject: string, data: Uint8Array, seq: number, deliveries: number, error: string): Promise<void> {
    let original: unknown;
    try {
      original = JSON.parse(decoder.decode(data));
    } catch {
      original = decoder.decode(data);
    }
    const body = { durable: spec.durable, stream, streamSeq: seq, subject, deliveries, error, failedAt: new Date().toISOString(), message: original };
    await deps.js.publish(deadLetterSubject(spec.durable), encoder.encode(JSON.stringify(body)), { msgID: `${spec.durable}:${stream}:${seq}` });
    dead.add(1, { durable: spec.durable });
    log.warn({ seq, subject, error }, "dead-lettered");
  }

  async function handle(msg: JsMsg): Promise<void> {
    const deliveryCount = msg.info.deliveryCount;
    const seq = msg.info.streamSequence;
    await inSpan(`consume ${msg.subject}`, {
      kind: SpanKind.CONSUMER,
      remote: extractSpanContext(msg.headers),
      attributes: { "messaging.system": "nats", "messaging.consumer.group.name": spec.durable, "messaging.destination.name": msg.subject },
    }, async (span) => {
      let envelope: Envelope<unknown>;
      let handler: On | undefined;
      try {
        envelope = check(Envelope, JSON.parse(decoder.decode(msg.data)), "invalid_message") as Envelope<unknown>;
        handler = byType.get(envelope.type);
        if (handler) check(handler.contract.data, envelope.data, "invalid_message");
      } catch (err) {
        // A message that breaks its contract will never succeed: no retries.
        await deadLetter(msg.subject, msg.data, seq, deliveryCount, `schema: ${(err as Error).message}`);
        // A bare +TERM: nats-server 2.9 ignores "+TERM <reason>" (2.10 added reasons) and would
        // redeliver the message after ack_wait. The reason travels in the dead letter instead.
        msg.term();
        handled.add(1, { durable: spec.durable, outcome: "dead" });
        return;
      }
      if (!handler) {
        msg.ack();
        return;
      }
      try {
        await handler.handle(envelope, { deliveryCount, streamSeq: seq, working: () => msg.working(), log });
        // Double ack: we return only once the server has recorded it.
        await msg.ackAck();
        handled.add(1, { durable: spec.durable, outcome: "ack" });
      } catch (err) {
        span.setAttribute("messaging.delivery_count", deliveryCount);
        if (deliveryCount >= maxDeliver || (err instanceof AppError && err.status < 500 && err.code !== "conflict")) {
          await deadLetter(msg.subject, msg.data, seq, deliveryCount, (err as Error).message);
          msg.term();
          handled.add(1, { durable: spec.durable, outcome: "dead" });
        } else {
          const delay = backoff[Math.min(deliveryCount - 1, backoff.length - 1)] ?? 1_000;
          log.warn({ err, seq, deliveryCount, delay }, "handler failed; will retry");
          msg.nak(delay);
          handled.add(1, { durable: spec.durable, outcome: "nak" });
        }
      }
    });
  }

  const loop = (async () => {
    for await (const msg of messages) {
      while (slots === 0) await new Promise<void>((r) => (freed = r));
      slots--;
      const p = handle(msg)
        .catch((err) => {
          log.error({ err }, "message handling crashed; it will be redelivered");
          try {
            msg.nak(1_000);
          } catch {
            // connection gone: the server redelivers after ack_wait
          }
        })
        .finally(() => {
          slots++;
          inFlight.delete(p);
          freed?.();
          freed = undefined;
        });
      inFlight.add(p);
    }
  })();

  return {
    async stop() {
      // Stop pulling first, then let the work in hand finish and be acked.
      await messages.close().catch(() => undefined);
      await loop.catch(() => undefined);
      await Promise.allSettled([...inFlight]);
      advisory.unsubscribe();
      clearInterval(lagTimer);
      lagGauge.removeCallback(observeLag);
    },
  };
}

/**
 * Runs a dead letter's original message through the handler of the consumer that dead-lettered
 * it, in this process: a replay that republishes nothing (so the replaying service needs no
 * permission to publish the subjects it consumes). The handler is idempotent as always. Answers
 * "skipped" for a message type the consumer has no handler for; a message that still breaks its
 * contract is refused with 400.
 */
export async function handleAgain(spec: ConsumerSpec, message: unknown, ctx: { streamSeq: number; log: Logger }): Promise<"handled" | "skipped"> {
  const envelope = check(Envelope, message, "invalid_message") as Envelope<unknown>;
  const handler = spec.handlers.find((h) => h.contract.subject === envelope.type);
  if (!handler) return "skipped";
  check(handler.contract.data, envelope.data, "invalid_message");
  await handler.handle(envelope, {
    deliveryCount: 1,
    streamSeq: ctx.streamSeq,
    working: () => undefined,
    log: ctx.log.child({ durable: spec.durable, replay: true }),
  });
  return "handled";
}

export const processedMigration: Migration = {
  name: "001_kit_processed_messages",
  async up(db) {
    await db.schema.createTable("processed_messages", (t) => {
      t.text("consumer").notNullable();
      t.uuid("message_id").notNullable();
      t.timestamp("processed_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.primary(["consumer", "message_id"]);
    });
  },
};

/** Whether (consumer, message id) is marked processed: for work marked after it ran, outside once() (a dead letter's replay). */
export async function wasProcessed(db: Db, consumer: string, messageId: string): Promise<boolean> {
  return Boolean(await db("processed_messages").where({ consumer, message_id: messageId }).first());
}

/** Marks (consumer, message id) processed; marking twice is one mark. */
export async function markProcessed(db: Db, consumer: string, messageId: string): Promise<void> {
  await db("processed_messages").insert({ consumer, message_id: messageId }).onConflict(["consumer", "message_id"]).ignore();
}

/**
 * Runs `work` once per (consumer, message id): the marker row and the work commit together, so
 * a redelivery after a crash either finds the marker (and skips) or finds nothing done.
 * Returns false when the message had already been processed.
 */
export async function once(db: Db, consumer: string, messageId: string, work: (trx: Knex.Transaction) => Promise<void>): Promise<boolean> {
  return db.transaction(async (trx) => {
    const inserted = await trx("processed_messages").insert({ consumer, message_id: messageId }).onConflict(["consumer", "message_id"]).ignore().returning(
      "message_id",
    );
    if (inserted.length === 0) return false;
    await work(trx);
    return true;
  });
}
