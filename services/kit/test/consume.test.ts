import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { job } from "../../../subjects/contract.ts";
import { deadLetterSubject } from "../../../subjects/streams.ts";
import { ensureStreams, type Nats } from "../nats.ts";
import { type Db, migrate, type Migration, openDb } from "../db.ts";
import { type ConsumerSpec, ensureConsumer, on, processedMigration, retireReplaced, type RunningConsumer, startConsumer } from "../consume.ts";
import { createLogger } from "../log.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { type Child, fixture, sleep, spawnTs, unique } from "./helpers.ts";
import { eventually } from "../../../test/support/eventually.ts";

const log = createLogger({ name: "consume-test", level: "silent" });
const encoder = new TextEncoder();

const effectsMigration: Migration = {
  name: "100_test_effects",
  async up(db) {
    // No unique key on purpose: a duplicate effect must show up as a second row.
    await db.schema.createTable("effects", (t) => {
      t.increments("seq");
      t.uuid("message_id").notNullable();
      t.integer("n").notNullable();
      t.integer("worker").notNullable();
    });
  },
};

type DeadLetter = { durable: string; stream: string; streamSeq: number; subject: string; deliveries: number; error: string; message: { id: string } };

function envelopeOf(subject: string, data: unknown, id = randomUUID()) {
  return { id, type: subject, version: 1, source: "kit-test", occurredAt: new Date().toISOString(), data };
}

describe("kit consumer group", () => {
  let nats: Nats;
  let db: Db;
  let schema: string;
  before(async () => {
    nats = await testNats("kit-consume-test");
    await ensureStreams(nats.jsm);
    schema = `kit_consume_${unique()}`;
    db = await openDb({ schema, url: databaseUrl() });
    await migrate(db, schema, [processedMigration, effectsMigration]);
  });
  after(async () => {
    await nats.nc.close();
    await db.destroy();
  });

  async function publishJobs(subject: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    const acks = [];
    for (let n = 0; n < count; n++) {
      const env = envelopeOf(subject, { n });
      ids.push(env.id);
      acks.push(nats.js.publish(subject, encoder.encode(JSON.stringify(env)), { msgID: env.id }));
    }
    await Promise.all(acks);
    return ids;
  }

  async function deadLetters(durable: string): Promise<DeadLetter[]> {
    const info = await nats.jsm.streams.info("DEAD_LETTERS", { subjects_filter: deadLetterSubject(durable) });
    const n = info.state.subjects?.[deadLetterSubject(durable)] ?? 0;
    if (n === 0) return [];
    const consumer = await nats.js.consumers.get("DEAD_LETTERS", { filter_subjects: deadLetterSubject(durable) });
    const out: DeadLetter[] = [];
    const iter = await consumer.consume();
    for await (const m of iter) {
      out.push(m.json<DeadLetter>());
      if (out.length >= n) break;
    }
    await iter.close();
    return out;
  }

  it("handles every message exactly once across two workers when one is SIGKILLed mid-stream", async function () {
    this.timeout(40_000);
    const tag = unique();
    const subject = `work.kittest${tag}.job`;
    const durable = `kittest-${tag}`;
    const env = { ...natsEnv(), DATABASE_URL: databaseUrl(), SCHEMA: schema, DURABLE: durable, SUBJECT: subject, ACK_WAIT_MS: "1500", WORK_MS: "2" };
    const workers: Child[] = [spawnTs(fixture("worker.ts"), env), spawnTs(fixture("worker.ts"), env)];
    try {
      await Promise.all(workers.map((w) => w.line(/consuming/)));
      const N = 2_000;
      const ids = await publishJobs(subject, N);
      const byWorker = async () =>
        (await db("effects").select("worker").count<{ worker: number; count: number }[]>("* as count").groupBy("worker")) as Array<
          { worker: number; count: number }
        >;
      await eventually(
        "both workers to have handled some jobs",
        async () => (await byWorker()).length === 2 && (await byWorker()).every((r) => r.count >= 100),
        15_000,
        5,
      );
      workers[0].kill("SIGKILL");
      await workers[0].exited;
      const handledAtKill = (await byWorker()).reduce((s, r) => s + r.count, 0);
      expect(handledAtKill, "handled when the worker died").to.be.lessThan(N);

      await eventually(
        "all jobs handled",
        async () => Number((await db("effects").whereIn("message_id", ids).count<{ c: number }[]>("* as c"))[0].c) >= N,
        20_000,
        50,
      );
      // Give redeliveries of anything the dead worker held time to land (and prove they did nothing).
      const consumerInfo = await eventually(
        "nothing left pending or unacked",
        async () => {
          const ci = await nats.jsm.consumers.info("WORK", durable);
          return ci.num_pending === 0 && ci.num_ack_pending === 0 ? ci : undefined;
        },
        10_000,
        50,
      );
      expect(consumerInfo.num_pending).to.equal(0);
      const rows = (await db("effects").whereIn("message_id", ids).select("message_id")) as Array<{ message_id: string }>;
      expect(rows).to.have.length(N);
      expect(new Set(rows.map((r) => r.message_id)).size).to.equal(N);
      expect(await deadLetters(durable)).to.have.length(0);
    } finally {
      for (const w of workers) w.kill("SIGKILL");
      await Promise.all(workers.map((w) => w.exited));
    }
  });

  describe("dead letters", () => {
    const running: RunningConsumer[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((c) => c.stop()));
    });

    it("sends a poison message to DEAD_LETTERS after max_deliver with the error, while the others keep flowing", async function () {
      this.timeout(15_000);
      const tag = unique();
      const Job = job({ subject: `work.kittest${tag}.job`, description: "A test job.", data: Type.Object({ n: Type.Integer() }) });
      const durable = `kittest-${tag}`;
      const handled = new Set<number>();
      let poisonAttempts = 0;
      running.push(
        await startConsumer({ ...nats, log }, {
          durable,
          stream: "WORK",
          filter: Job.subject,
          maxDeliver: 3,
          backoffMs: [50],
          handlers: [
            on(Job, async (env) => {
              if (env.data.n === 7) {
                poisonAttempts++;
                throw new Error(`cannot digest job ${env.data.n}`);
              }
              handled.add(env.data.n);
            }),
          ],
        }),
      );
      const ids = await publishJobs(Job.subject, 50);
      await eventually("the healthy jobs handled", async () => handled.size === 49, 5_000);
      const [letter] = await eventually(
        "the poison job dead-lettered",
        async () => {
          const d = await deadLetters(durable);
          return d.length ? d : undefined;
        },
        5_000,
        50,
      );
      expect(poisonAttempts).to.equal(3);
      expect(letter.deliveries).to.equal(3);
      expect(letter.error).to.equal("cannot digest job 7");
      expect(letter.message.id).to.equal(ids[7]);
      expect(letter.subject).to.equal(Job.subject);
      expect(letter.durable).to.equal(durable);
      const ci = await eventually("the poison job off the consumer", async () => {
        const info = await nats.jsm.consumers.info("WORK", durable);
        return info.num_ack_pending === 0 && info.num_pending === 0 ? info : undefined;
      });
      expect(ci.num_redelivered).to.equal(0);
      expect(await deadLetters(durable)).to.have.length(1);
    });

    it("sends a message that fails its schema straight to DEAD_LETTERS without retries", async function () {
      const tag = unique();
      const Job = job({ subject: `work.kittest${tag}.job`, description: "A test job.", data: Type.Object({ n: Type.Integer() }) });
      const durable = `kittest-${tag}`;
      const handled: number[] = [];
      running.push(
        await startConsumer({ ...nats, log }, {
          durable,
          stream: "WORK",
          filter: Job.subject,
          maxDeliver: 5,
          backoffMs: [50],
          handlers: [on(Job, async (env) => void handled.push(env.data.n))],
        }),
      );
      const bad = envelopeOf(Job.subject, { n: "seven" });
      await nats.js.publish(Job.subject, encoder.encode(JSON.stringify(bad)), { msgID: bad.id });
      await nats.js.publish(Job.subject, encoder.encode("not json at all"), { msgID: randomUUID() });
      await publishJobs(Job.subject, 1);
      const letters = await eventually(
        "both broken messages dead-lettered",
        async () => {
          const d = await deadLetters(durable);
          return d.length === 2 ? d : undefined;
        },
        5_000,
        50,
      );
      // Terminated, not left to come back after ack_wait: nothing pending, no second delivery.
      const ci = await eventually("the broken messages off the consumer", async () => {
        const info = await nats.jsm.consumers.info("WORK", durable);
        return info.num_ack_pending === 0 ? info : undefined;
      }, 2_000);
      await sleep(300);
      expect((await nats.jsm.consumers.info("WORK", durable)).delivered.consumer_seq).to.equal(3);
      expect(ci.num_redelivered).to.equal(0);
      expect(handled).to.deep.equal([0]);
      expect(letters.map((l) => l.deliveries)).to.deep.equal([1, 1]);
      expect(letters[0].error).to.equal("schema: n: must be integer");
      expect(letters[0].message.id).to.equal(bad.id);
      expect(letters[1].error).to.match(/^schema: /);
      expect(letters[1].message).to.equal("not json at all");
      expect(await deadLetters(durable)).to.have.length(2);
    });

    it("dead-letters a message whose worker never acks once max_deliver is exhausted (MAX_DELIVERIES advisory)", async function () {
      this.timeout(15_000);
      const tag = unique();
      const Job = job({ subject: `work.kittest${tag}.job`, description: "A test job.", data: Type.Object({ n: Type.Integer() }) });
      const durable = `kittest-${tag}`;
      let release: () => void = () => undefined;
      const stuck = new Promise<void>((r) => (release = r));
      let attempts = 0;
      running.push(
        await startConsumer({ ...nats, log }, {
          durable,
          stream: "WORK",
          filter: Job.subject,
          maxDeliver: 2,
          ackWaitMs: 400,
          handlers: [
            on(Job, async () => {
              attempts++;
              // A worker that hangs: never acks, never naks.
              await stuck;
            }),
          ],
        }),
      );
      try {
        const [id] = await publishJobs(Job.subject, 1);
        const [letter] = await eventually(
          "the unacked message dead-lettered",
          async () => {
            const d = await deadLetters(durable);
            return d.length ? d : undefined;
          },
          8_000,
          50,
        );
        expect(attempts).to.equal(2);
        expect(letter.message.id).to.equal(id);
        expect(letter.deliveries).to.equal(2);
        expect(letter.error).to.match(/max deliveries/);
      } finally {
        release();
      }
    });
  });

  describe("a durable split by subject (ConsumerSpec.replaces)", () => {
    it("starts its replacements after the old durable's ack floor, then deletes it: nothing replayed, nothing skipped", async function () {
      this.timeout(20_000);
      const tag = unique();
      const A = job({ subject: `work.kitsplit${tag}.a`, description: "a", data: Type.Object({ n: Type.Integer() }) });
      const B = job({ subject: `work.kitsplit${tag}.b`, description: "b", data: Type.Object({ n: Type.Integer() }) });
      const old = `kitsplit-${tag}`;
      // The old durable, on both subjects, has handled (acked) the first four messages.
      await ensureConsumer(nats.jsm, { durable: old, stream: "WORK", filter: `work.kitsplit${tag}.>`, handlers: [] });
      for (const subject of [A.subject, B.subject, A.subject, B.subject]) await publishJobs(subject, 1);
      const c = await nats.js.consumers.get("WORK", old);
      for (let i = 0; i < 4; i++) {
        const m = await c.next({ expires: 2_000 });
        await m!.ackAck();
      }
      const later = [...(await publishJobs(A.subject, 2)), ...(await publishJobs(B.subject, 1))];

      const seen: Record<string, string[]> = { a: [], b: [] };
      const specs: ConsumerSpec[] = [
        { durable: `${old}-a`, replaces: old, stream: "WORK", filter: A.subject, handlers: [on(A, async (e) => void seen.a.push(e.id))] },
        { durable: `${old}-b`, replaces: old, stream: "WORK", filter: B.subject, handlers: [on(B, async (e) => void seen.b.push(e.id))] },
      ];
      const running: RunningConsumer[] = [];
      try {
        for (const spec of specs) running.push(await startConsumer({ ...nats, log }, spec));
        // The old durable still exists while the first replacement starts; it goes once both exist.
        await retireReplaced(nats.jsm, specs);
        const gone = await nats.jsm.consumers.info("WORK", old).then(() => false, (err) => /not found/i.test(String(err)));
        expect(gone, "the replaced durable deleted").to.equal(true);
        await eventually("the later messages handled", async () => seen.a.length + seen.b.length >= 3, 8_000, 20);
        await sleep(200);
        expect(seen.a).to.deep.equal(later.slice(0, 2));
        expect(seen.b).to.deep.equal(later.slice(2));
        // Started again (another replica, a restart): the old durable is gone, the replacements stay.
        await retireReplaced(nats.jsm, specs);
        for (const spec of specs) await ensureConsumer(nats.jsm, spec);
        expect((await nats.jsm.consumers.info("WORK", `${old}-a`)).config.filter_subject).to.equal(A.subject);
      } finally {
        await Promise.all(running.map((r) => r.stop()));
      }
    });
  });
});
