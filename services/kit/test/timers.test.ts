import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureStreams, type Nats } from "../nats.ts";
import { type Db, openDb } from "../db.ts";
import { run, type Running } from "../run.ts";
import { cancelTimer, findTimer, scheduleTimer, scheduleTimers } from "../timers.ts";
import { createLogger } from "../log.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { type Child, eventually, fixture, readSubject, spawnTs, unique } from "./helpers.ts";
import { BATCH_KIND, type PingPayload, TIMER_KIND, timerService } from "./fixtures/timer-service.ts";

const log = createLogger({ name: "timers-test", level: "silent" });

type Effect = { key: string; replica: string; attempts: number; due_at: Date; fired_at: Date };

const schedule = (db: Db, key: string, dueAt: Date, payload?: PingPayload) =>
  db.transaction((trx) => scheduleTimer(trx, { kind: TIMER_KIND, key, dueAt, payload }));
const effects = (db: Db, key?: string): Promise<Effect[]> => (key ? db("timer_effects").where({ key }) : db("timer_effects")).orderBy("seq");
const inMs = (ms: number) => new Date(Date.now() + ms);

describe("kit timers", () => {
  let nats: Nats;
  before(async () => {
    nats = await testNats("kit-timers-test");
    await ensureStreams(nats.jsm);
  });
  after(async () => {
    await nats.nc.close();
  });

  describe("on Postgres, through the runner", () => {
    const tag = unique();
    const svc = timerService(tag, { replica: "a" });
    let running: Running;
    let db: Db;
    before(async () => {
      // A poll so rare that only the wake-up of a scheduling commit (NOTIFY) fires anything on time.
      running = await run([svc.definition], { ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", TIMERS_POLL_MS: "600000" }, { log, listen: false });
      db = await openDb({ schema: svc.schema, url: databaseUrl() });
    });
    after(async () => {
      await running?.stop();
      await db?.destroy();
    });

    it("fires a timer once at its due time, not before, and removes it", async () => {
      const dueAt = inMs(400);
      await schedule(db, "at-time", dueAt);
      const fire = await eventually("the timer to fire", async () => (await effects(db, "at-time"))[0]);
      expect(fire.fired_at.getTime()).to.be.at.least(dueAt.getTime());
      expect(await findTimer(db, TIMER_KIND, "at-time")).to.equal(undefined);
      expect(await effects(db, "at-time")).to.have.length(1);
    });

    it("re-planning moves a timer (later and sooner), cancelling drops it", async () => {
      const later = inMs(2_500);
      await schedule(db, "moved-later", inMs(1_000));
      await schedule(db, "moved-later", later);
      await schedule(db, "moved-sooner", inMs(3_600_000));
      await schedule(db, "moved-sooner", inMs(300));
      await schedule(db, "cancelled", inMs(1_000));
      await db.transaction((trx) => cancelTimer(trx, TIMER_KIND, "cancelled"));
      await eventually("the timer moved sooner to fire", async () => (await effects(db, "moved-sooner")).length);
      const moved = await eventually("the timer moved later to fire", async () => (await effects(db, "moved-later"))[0]);
      // At its new time only: a fire at the old time would show as an earlier effect row.
      expect(moved.fired_at.getTime()).to.be.at.least(later.getTime());
      expect(await effects(db, "moved-later")).to.have.length(1);
      expect(await effects(db, "moved-sooner")).to.have.length(1);
      // Its time passed long before the moved timer fired.
      expect(await effects(db, "cancelled")).to.have.length(0);
      expect(await findTimer(db, TIMER_KIND, "cancelled")).to.equal(undefined);
    });

    it("plans with keepEarlier: a sooner time already planned stays, a sooner one replaces a later", async () => {
      const soon = inMs(3_600_000);
      const keep = (key: string, dueAt: Date) => db.transaction((trx) => scheduleTimers(trx, [{ kind: TIMER_KIND, key, dueAt }], { keepEarlier: true }));
      await keep("kept", soon);
      await keep("kept", inMs(7_200_000));
      expect((await findTimer(db, TIMER_KIND, "kept"))?.dueAt.getTime()).to.equal(soon.getTime());
      const sooner = inMs(1_800_000);
      await keep("kept", sooner);
      expect((await findTimer(db, TIMER_KIND, "kept"))?.dueAt.getTime()).to.equal(sooner.getTime());
      await db.transaction((trx) => cancelTimer(trx, TIMER_KIND, "kept"));
    });

    it("rolls back a fire whose handler throws and fires it again later, once", async () => {
      await schedule(db, "fails-first", inMs(0), { failFirst: true });
      const fire = await eventually("the retry to commit", async () => (await effects(db, "fails-first"))[0]);
      // The first try's effect row was rolled back with it: only the retry's is there.
      expect(fire.attempts).to.equal(1);
      expect(await effects(db, "fails-first")).to.have.length(1);
      expect(await findTimer(db, TIMER_KIND, "fails-first")).to.equal(undefined);
    });

    it("fires timers due together in one batch (handleMany), and a batch that throws one by one, each once", async () => {
      const plan = (keys: string[], payload?: PingPayload) =>
        db.transaction((trx) => scheduleTimers(trx, keys.map((key) => ({ kind: BATCH_KIND, key, dueAt: new Date(Date.now() - 1_000), payload }))));
      const poisoned = Array.from({ length: 20 }, (_, i) => `poisoned-${i}`);
      await db.transaction(async (trx) => {
        await scheduleTimers(
          trx,
          poisoned.map((key, i) => ({ kind: BATCH_KIND, key, dueAt: new Date(Date.now() - 1_000), payload: i === 7 ? { failBatch: true } : undefined })),
        );
      });
      const singles = await eventually("the poisoned batch fired one by one", async () => {
        const rows = await db("timer_effects").whereIn("key", poisoned);
        return rows.length === poisoned.length && rows;
      });
      // The batch's own rows were rolled back with it: every timer fired once, alone.
      expect(new Set(singles.map((r: Effect) => r.key)).size).to.equal(20);
      expect(singles.every((r: Effect) => r.replica === "single")).to.equal(true);

      const healthy = Array.from({ length: 30 }, (_, i) => `healthy-${i}`);
      await plan(healthy);
      const batched = await eventually("the batch to fire", async () => {
        const rows = await db("timer_effects").whereIn("key", healthy);
        return rows.length === healthy.length && rows;
      });
      expect(new Set(batched.map((r: Effect) => r.key)).size).to.equal(30);
      expect(batched.some((r: Effect) => r.replica.startsWith("batch of "))).to.equal(true);
      expect(Number((await db("timers").where({ kind: BATCH_KIND }).count({ n: "*" }).first())?.n)).to.equal(0);
    });

    it("publishes the events a fire writes to the outbox, after its commit", async () => {
      await schedule(db, "announces", inMs(0), { announce: true });
      const msgs = await eventually("the fire's event on the stream", async () => {
        const m = await readSubject<{ data: { key: string } }>(nats.js, nats.jsm, "EVENTS", svc.Fired.subject);
        return m.length ? m : undefined;
      });
      expect(msgs.map((m) => m.body.data.key)).to.deep.equal(["announces"]);
    });
  });

  it("fires a timer held by a process SIGKILLed mid-handler exactly once after a restart", async function () {
    this.timeout(60_000);
    const tag = unique();
    const svc = timerService(tag, { replica: "test" });
    const env = { ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", TAG: tag };
    const children: Child[] = [];
    let db: Db | undefined;
    try {
      const a = spawnTs(fixture("timer-main.ts"), { ...env, REPLICA: "killed", HANG_KEY: "k-150", WORK_MS: "2" });
      children.push(a);
      await a.line(/ready/);
      db = await openDb({ schema: svc.schema, url: databaseUrl() });
      const keys = Array.from({ length: 300 }, (_, i) => `k-${i}`);
      const due = new Date();
      await db.transaction(async (trx) => {
        for (const [i, key] of keys.entries()) await scheduleTimer(trx, { kind: TIMER_KIND, key, dueAt: new Date(due.getTime() + i) });
      });
      // It stops inside the handler of k-150, its batch's effects written but not committed.
      await a.line(/holding k-150/);
      a.kill("SIGKILL");
      await a.exited;
      const before = await effects(db);
      expect(before.map((e) => e.key)).not.to.include("k-150");
      expect(before.length).to.be.below(150);
      expect(await findTimer(db, TIMER_KIND, "k-150")).not.to.equal(undefined);

      const b = spawnTs(fixture("timer-main.ts"), { ...env, REPLICA: "restarted" });
      children.push(b);
      await b.line(/ready/);
      const all = await eventually(
        "every timer fired",
        async () => {
          const rows = await effects(db!);
          return rows.length >= keys.length ? rows : undefined;
        },
        30_000,
        50,
      );
      expect(all).to.have.length(keys.length);
      expect(new Set(all.map((e) => e.key)).size).to.equal(keys.length);
      expect(all.find((e) => e.key === "k-150")?.replica).to.equal("restarted");
      expect(Number((await db("timers").count({ n: "*" }).first())?.n)).to.equal(0);
    } finally {
      for (const c of children) c.kill("SIGKILL");
      await Promise.all(children.map((c) => c.exited));
      await db?.destroy();
    }
  });

  it("fires each of 1,000 timers exactly once with two replicas claiming them", async function () {
    this.timeout(60_000);
    const tag = unique();
    const env = { ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0" };
    const replicas: Running[] = [];
    let db: Db | undefined;
    try {
      // One after the other: the first creates the schema and tables.
      replicas.push(await run([timerService(tag, { replica: "a", workMs: 1 }).definition], env, { log, listen: false }));
      replicas.push(await run([timerService(tag, { replica: "b", workMs: 1 }).definition], env, { log, listen: false }));
      db = await openDb({ schema: timerService(tag, { replica: "x" }).schema, url: databaseUrl() });
      const N = 1_000;
      const start = Date.now() + 300;
      await db.transaction(async (trx) => {
        for (let i = 0; i < N; i++) await scheduleTimer(trx, { kind: TIMER_KIND, key: `r-${i}`, dueAt: new Date(start + (i % 500)) });
      });
      const all = await eventually(
        "every timer fired",
        async () => {
          const rows = await effects(db!);
          return rows.length >= N ? rows : undefined;
        },
        40_000,
        100,
      );
      expect(all).to.have.length(N);
      expect(new Set(all.map((e) => e.key)).size).to.equal(N);
      const byReplica = { a: all.filter((e) => e.replica === "a").length, b: all.filter((e) => e.replica === "b").length };
      console.log(`      (fires by replica: a ${byReplica.a}, b ${byReplica.b})`);
      expect(byReplica.a + byReplica.b).to.equal(N);
    } finally {
      for (const r of replicas) await r.stop();
      await db?.destroy();
    }
  });

  it("fires on the embedded database (PGlite) and publishes what the fire wrote", async function () {
    // Opening PGlite (WebAssembly) takes seconds, and far longer on a busy machine.
    this.timeout(120_000);
    const tag = unique();
    const svc = timerService(tag, { replica: "embedded" });
    const dataDir = mkdtempSync(join(tmpdir(), "convene-timers-"));
    let running: Running | undefined;
    try {
      running = await run([svc.definition], { ...natsEnv(), DATA_DIR: dataDir, HTTP_PORT: "0", TIMERS_POLL_MS: "600000" }, { log, listen: false });
      const db = running.dbs.get(svc.name)!;
      const dueAt = inMs(300);
      await schedule(db, "embedded", dueAt, { announce: true });
      const fire = await eventually("the timer to fire", async () => (await effects(db, "embedded"))[0]);
      expect(new Date(fire.fired_at).getTime()).to.be.at.least(dueAt.getTime());
      const msgs = await eventually("the fire's event on the stream", async () => {
        const m = await readSubject<{ data: { key: string } }>(nats.js, nats.jsm, "EVENTS", svc.Fired.subject);
        return m.length ? m : undefined;
      });
      expect(msgs.map((m) => m.body.data.key)).to.deep.equal(["embedded"]);
    } finally {
      await running?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
