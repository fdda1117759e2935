import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { ensureStreams, type Nats } from "../nats.ts";
import { type Db, openDb } from "../db.ts";
import { call } from "../call.ts";
import { AppError } from "../errors.ts";
import { run } from "../run.ts";
import { createLogger } from "../log.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { startNats } from "../../../test/support/nats-server.ts";
import { type Child, countOnSubject, fixture, readSubject, sleep, spawnTs, unique } from "./helpers.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { demo } from "./fixtures/demo-service.ts";

const encoder = new TextEncoder();
const retriable = new Set(["no_responders", "timeout", "unavailable"]);

describe("kit run: graceful shutdown", () => {
  let nats: Nats;
  before(async () => {
    nats = await testNats("kit-shutdown-test");
    await ensureStreams(nats.jsm);
  });
  after(async () => {
    await nats.nc.close();
  });

  it("loses no request and no message when one of two instances gets SIGTERM under load", async function () {
    this.timeout(60_000);
    const tag = unique();
    const svc = demo(tag);
    const env = { ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", LOG_LEVEL: "warn", SHUTDOWN_GRACE_MS: "10000", TAG: tag };
    const children: Child[] = [];
    let db: Db | undefined;
    try {
      // One at a time: both would race to create the same schema's tables.
      const a = spawnTs(fixture("demo-main.ts"), env);
      children.push(a);
      const pidA = Number((await a.line(/ready (\d+)/))[1]);
      const b = spawnTs(fixture("demo-main.ts"), env);
      children.push(b);
      const pidB = Number((await b.line(/ready (\d+)/))[1]);
      db = await openDb({ schema: svc.schema, url: databaseUrl() });

      const REQUESTS = 600;
      const JOBS = 1_500;
      const answers = new Map<string, number>();
      let retries = 0;
      const keys = Array.from({ length: REQUESTS }, () => randomUUID());
      let nextKey = 0;
      // Eight callers, each retrying a request that found nobody or got no answer in time.
      const callers = Array.from({ length: 8 }, async () => {
        while (nextKey < keys.length) {
          const key = keys[nextKey++];
          for (let attempt = 1;; attempt++) {
            try {
              const reply = await call(nats.nc, svc.Record, { key }, { timeoutMs: 1_500 });
              answers.set(reply.key, reply.pid);
              break;
            } catch (err) {
              if (!(err instanceof AppError) || !retriable.has(err.code) || attempt >= 10) throw err;
              retries++;
            }
          }
          await sleep(2);
        }
      });
      const jobIds: string[] = [];
      const publisher = (async () => {
        for (let n = 0; n < JOBS; n++) {
          const id = randomUUID();
          jobIds.push(id);
          const envelope = { id, type: svc.Job.subject, version: 1, source: "kit-test", occurredAt: new Date().toISOString(), data: { n } };
          await nats.js.publish(svc.Job.subject, encoder.encode(JSON.stringify(envelope)), { msgID: id });
          if (n % 50 === 0) await sleep(20);
        }
      })();

      await eventually("load to be under way on both instances", async () => answers.size >= 150 && [...answers.values()].includes(pidA));
      a.kill("SIGTERM");
      const exitA = await a.exited;
      expect(exitA.code, a.output()).to.equal(0);
      expect(a.output()).to.match(/stopped in \d+ ms/);
      const answeredBeforeStop = answers.size;

      await Promise.all([...callers, publisher]);
      expect(answeredBeforeStop, "requests answered when A stopped").to.be.lessThan(REQUESTS);
      expect(answers.size).to.equal(REQUESTS);
      const pids = new Set(answers.values());
      expect(pids).to.include(pidA).and.to.include(pidB);

      // Every job handled, each exactly once, across both instances.
      const effects = async () =>
        (await db!("effects").whereIn("message_id", jobIds).select("message_id", "worker")) as Array<{ message_id: string; worker: number }>;
      await eventually("every job handled", async () => (await effects()).length >= JOBS, 20_000, 50);
      await eventually(
        "the durable to have nothing pending",
        async () => {
          const ci = await nats.jsm.consumers.info("WORK", svc.durable);
          return ci.num_pending === 0 && ci.num_ack_pending === 0;
        },
        10_000,
        50,
      );
      const rows = await effects();
      expect(rows).to.have.length(JOBS);
      expect(new Set(rows.map((r) => r.message_id)).size).to.equal(JOBS);
      expect(new Set(rows.map((r) => r.worker))).to.include(pidA);
      expect(await countOnSubject(nats.jsm, "DEAD_LETTERS", `dlq.${svc.durable}`)).to.equal(0);

      // Every request's event left the outbox, once, whichever instance wrote it.
      await eventually(
        "the outbox to be empty",
        async () => Number((await db!("outbox").whereNull("published_at").count<{ c: number }[]>("* as c"))[0].c) === 0,
        10_000,
        50,
      );
      const events = await readSubject<{ data: { key: string } }>(nats.js, nats.jsm, "EVENTS", svc.Recorded.subject);
      expect(events).to.have.length(REQUESTS);
      expect(new Set(events.map((e) => e.body.data.key))).to.deep.equal(new Set(keys));
      if (process.env.VERBOSE) {
        process.stdout.write(`retries=${retries} answeredBeforeStop=${answeredBeforeStop} byA=${rows.filter((r) => r.worker === pidA).length} ${a.output()}\n`);
      }

      b.kill("SIGTERM");
      expect((await b.exited).code).to.equal(0);
    } finally {
      for (const c of children) c.kill("SIGKILL");
      await Promise.all(children.map((c) => c.exited));
      await db?.destroy();
    }
  });

  it("stops within its grace period when NATS is gone and the outbox cannot empty", async function () {
    this.timeout(30_000);
    const own = await startNats();
    const tag = unique();
    const svc = demo(tag);
    const running = await run([svc.definition], { ...natsEnv(own), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", SHUTDOWN_GRACE_MS: "2000" }, {
      log: createLogger({ name: "t", level: "silent" }),
    });
    try {
      const db = running.dbs.get(svc.definition.name)!;
      await call(running.nats.nc, svc.Record, { key: randomUUID() });
      await eventually("the first event published", async () => (await countOnSubject(running.nats.jsm, "EVENTS", svc.Recorded.subject)) === 1);
      await own.kill();
      // A row the relay cannot publish while NATS is down.
      await db.transaction(async (trx) => {
        await trx("outbox").insert({ id: randomUUID(), subject: svc.Recorded.subject, envelope: JSON.stringify({}), headers: "{}" });
      });
      const started = Date.now();
      await running.stop();
      // Grace (2 s) plus at most one in-flight publish timeout (5 s).
      expect(Date.now() - started).to.be.lessThan(8_000);
    } finally {
      await own.stop();
    }
  });
});
