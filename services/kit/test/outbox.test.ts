import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Type } from "@sinclair/typebox";
import { event } from "../../../subjects/contract.ts";
import { ensureStreams, type Nats } from "../nats.ts";
import { type Db, migrate, openDb } from "../db.ts";
import { enqueue, outboxMigration, type Relay, startRelay } from "../outbox.ts";
import { createLogger } from "../log.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { startNats, type TestNats } from "../../../test/support/nats-server.ts";
import { countOnSubject, fixture, readSubject, sleep, spawnTs, unique } from "./helpers.ts";
import { eventually } from "../../../test/support/eventually.ts";

const log = createLogger({ name: "outbox-test", level: "silent" });

async function freshSchema(): Promise<{ db: Db; schema: string }> {
  const schema = `kit_outbox_${unique()}`;
  const db = await openDb({ schema, url: databaseUrl() });
  await migrate(db, schema, [outboxMigration]);
  return { db, schema };
}

function contractFor(tag: string) {
  return event({ subject: `evt.kittest${tag}.happened`, description: "Something happened (test).", data: Type.Object({ n: Type.Integer() }) });
}

/** Writes `count` outbox rows in multi-row inserts (the relay, not enqueue, is under test here). */
async function insertRows(db: Db, subject: string, count: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1_000); i++) {
      const id = randomUUID();
      ids.push(id);
      rows.push({
        id,
        subject,
        envelope: JSON.stringify({ id, type: subject, version: 1, source: "kit-test", occurredAt: new Date().toISOString(), data: { n: from + i } }),
        headers: "{}",
      });
    }
    await db("outbox").insert(rows);
  }
  return ids;
}

const unpublished = async (db: Db) => Number((await db("outbox").whereNull("published_at").count<{ count: number }[]>("* as count"))[0].count);

describe("kit outbox relay", () => {
  let nats: Nats;
  before(async () => {
    nats = await testNats("kit-outbox-test");
    await ensureStreams(nats.jsm);
  });
  after(async () => {
    await nats.nc.close();
  });

  it("publishes 5,000 rows exactly once when its process is SIGKILLed midway and a second relay finishes", async function () {
    this.timeout(40_000);
    const { db, schema } = await freshSchema();
    const subject = contractFor(unique()).subject;
    const ids = await insertRows(db, subject, 5_000);
    const child = spawnTs(fixture("relay.ts"), { ...natsEnv(), DATABASE_URL: databaseUrl(), SCHEMA: schema, BATCH_SIZE: "100" });
    let relay: Relay | undefined;
    try {
      await child.line(/relay started/);
      // Kill once it is well under way but not done.
      await eventually("the first relay to publish 1,000 messages", async () => (await countOnSubject(nats.jsm, "EVENTS", subject)) >= 1_000, 15_000, 5);
      child.kill("SIGKILL");
      await child.exited;
      const left = await unpublished(db);
      expect(left, "rows the killed relay left").to.be.greaterThan(0);

      relay = startRelay({ db, js: nats.js, schema, log, listenUrl: databaseUrl() });
      await relay.idle();
      expect(await unpublished(db)).to.equal(0);
      const msgs = await readSubject<{ id: string }>(nats.js, nats.jsm, "EVENTS", subject);
      expect(msgs).to.have.length(5_000);
      const seen = new Set(msgs.map((m) => m.msgId));
      expect(seen.size).to.equal(5_000);
      expect([...seen].sort()).to.deep.equal([...ids].sort());
      expect(msgs.every((m) => m.msgId === m.body.id)).to.equal(true);
    } finally {
      child.kill("SIGKILL");
      await relay?.stop();
      await db.destroy();
    }
  });

  it("does not skip rows committed after a transaction held open, and publishes the held row once it commits", async function () {
    this.timeout(20_000);
    const { db, schema } = await freshSchema();
    const Happened = contractFor(unique());
    const relay = startRelay({ db, js: nats.js, schema, log, listenUrl: databaseUrl() });
    try {
      const held = await db.transaction();
      const heldEnvelope = await enqueue(held, Happened, { n: 0 }, { source: "kit-test" });
      const later: string[] = [];
      const committedAt = Date.now();
      for (let n = 1; n <= 10; n++) {
        later.push(
          await db.transaction(async (trx) => (await enqueue(trx, Happened, { n }, { source: "kit-test" })).id),
        );
      }
      await eventually(
        "rows committed after the held one to be published",
        async () => (await countOnSubject(nats.jsm, "EVENTS", Happened.subject)) === 10,
        2_500,
        10,
      );
      const latency = Date.now() - committedAt;
      const published = await readSubject<{ id: string }>(nats.js, nats.jsm, "EVENTS", Happened.subject);
      expect(published.map((m) => m.msgId).sort()).to.deep.equal([...later].sort());
      expect(latency, "ms until the later rows were on the stream").to.be.lessThan(1_000);

      const openFor = Date.now() - committedAt;
      await sleep(Math.max(0, 3_000 - openFor));
      await held.commit();
      const heldCommitted = Date.now();
      await eventually(
        "the held row to be published after its commit",
        async () => (await countOnSubject(nats.jsm, "EVENTS", Happened.subject)) === 11,
        3_000,
        10,
      );
      expect(Date.now() - heldCommitted).to.be.lessThan(1_000);
      const all = await readSubject<{ id: string }>(nats.js, nats.jsm, "EVENTS", Happened.subject);
      expect(all.map((m) => m.msgId)).to.include(heldEnvelope.id);
      expect(new Set(all.map((m) => m.msgId)).size).to.equal(11);
      await relay.idle();
      expect(await unpublished(db)).to.equal(0);
    } finally {
      await relay.stop();
      await db.destroy();
    }
  });

  it("publishes the rows its process commits as they commit, marks them in batches, and nothing of a savepoint rolled back", async function () {
    this.timeout(20_000);
    const { db, schema } = await freshSchema();
    const Happened = contractFor(unique());
    // A poll so rare that only the handed rows can be published in time.
    const relay = startRelay({ db, js: nats.js, nc: nats.nc, schema, log, pollMs: 600_000 });
    try {
      await relay.idle();
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => db.transaction(async (trx) => void ids.push((await enqueue(trx, Happened, { n }, { source: "kit-test" })).id))),
      );
      await db.transaction(async (trx) => {
        ids.push((await enqueue(trx, Happened, { n: 20 }, { source: "kit-test" })).id);
        await trx.transaction(async (sp) => {
          await enqueue(sp, Happened, { n: 99 }, { source: "kit-test" });
          throw new Error("roll the savepoint back");
        }).catch(() => undefined);
      });
      await eventually("the committed rows on the stream", async () => (await countOnSubject(nats.jsm, "EVENTS", Happened.subject)) === 21, 3_000, 10);
      await relay.idle();
      expect(await unpublished(db)).to.equal(0);
      const msgs = await readSubject<{ id: string; data: { n: number } }>(nats.js, nats.jsm, "EVENTS", Happened.subject);
      expect(msgs.map((m) => m.msgId).sort()).to.deep.equal([...ids].sort());
      expect(msgs.some((m) => m.body.data.n === 99), "the rolled-back row").to.equal(false);
      expect(Number((await db("outbox").count<{ c: number }[]>("* as c"))[0].c)).to.equal(21);
    } finally {
      await relay.stop();
      await db.destroy();
    }
  });

  describe("while its NATS server restarts", () => {
    let own: TestNats;
    let ownNats: Nats;
    before(async () => {
      own = await startNats();
      ownNats = await testNats("kit-outbox-chaos", own);
      await ensureStreams(ownNats.jsm);
    });
    after(async () => {
      await ownNats?.nc.close();
      await own?.stop();
    });

    it("loses nothing and duplicates nothing of rows pending across a kill -9 and restart", async function () {
      this.timeout(40_000);
      const { db, schema } = await freshSchema();
      const subject = contractFor(unique()).subject;
      const relay = startRelay({ db, js: ownNats.js, schema, log, listenUrl: databaseUrl(), batchSize: 200 });
      try {
        const first = await insertRows(db, subject, 2_000);
        relay.kick();
        await eventually("some rows published", async () => (await countOnSubject(ownNats.jsm, "EVENTS", subject)) > 0, 5_000, 2);
        await own.kill();
        // Written while the server is down: they wait in the outbox.
        const second = await insertRows(db, subject, 1_000, 2_000);
        relay.kick();
        await sleep(1_000);
        expect(await unpublished(db), "rows pending while NATS is down").to.be.greaterThan(0);
        await own.restart();
        await eventually("every row marked published", async () => (await unpublished(db)) === 0, 25_000, 50);
        const msgs = await readSubject<{ id: string }>(ownNats.js, ownNats.jsm, "EVENTS", subject);
        const seen = new Set(msgs.map((m) => m.msgId));
        expect(msgs.length, "messages on the subject").to.equal(3_000);
        expect(seen.size).to.equal(3_000);
        expect([...seen].sort()).to.deep.equal([...first, ...second].sort());
        // The failed attempts are on record for whoever looks at the table during an outage.
        const retried = (await db("outbox").where("attempts", ">", 0).select("attempts", "last_error")) as Array<{ attempts: number; last_error: string }>;
        expect(retried.length, "rows whose publish failed at least once").to.be.greaterThan(0);
        expect(retried[0].last_error).to.be.a("string").and.not.equal("");
      } finally {
        await relay.stop();
        await db.destroy();
      }
    });
  });
});
