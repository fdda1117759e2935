import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { ensureStreams } from "../nats.ts";
import { type Db, migrate, openDb } from "../db.ts";
import { outboxMigration } from "../outbox.ts";
import { processedMigration } from "../consume.ts";
import { retentionMigration, sweepRetention } from "../retention.ts";
import { ConfigError, loadKitConfig } from "../config.ts";
import { databaseUrl, testNats } from "../../../test/support/env.ts";
import { startNats } from "../../../test/support/nats-server.ts";
import { eventually, sleep, unique } from "./helpers.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("kit retention", () => {
  describe("sweepRetention", () => {
    let db: Db;
    before(async () => {
      const schema = `kit_retention_${unique()}`;
      db = await openDb({ schema, url: databaseUrl() });
      await migrate(db, schema, [outboxMigration, processedMigration, retentionMigration]);
    });
    after(async () => {
      await db?.destroy();
    });

    it("deletes published outbox rows and processed markers past their age, and keeps newer and unpublished ones", async () => {
      const now = new Date();
      const ago = (ms: number) => new Date(now.getTime() - ms);
      const row = (label: string, createdAt: Date, publishedAt: Date | null) => ({
        id: randomUUID(),
        subject: `evt.kittest.${label}`,
        envelope: JSON.stringify({ label }),
        created_at: createdAt,
        published_at: publishedAt,
      });
      await db("outbox").insert([
        row("old_published", ago(5 * DAY), ago(4 * DAY)),
        row("recent_published", ago(2 * DAY), ago(2 * DAY)),
        row("old_unpublished", ago(40 * DAY), null),
      ]);
      await db("processed_messages").insert([
        { consumer: "c", message_id: randomUUID(), processed_at: ago(40 * DAY) },
        { consumer: "c", message_id: randomUUID(), processed_at: ago(32 * DAY) },
        { consumer: "c", message_id: randomUUID(), processed_at: ago(30 * DAY) },
        { consumer: "d", message_id: randomUUID(), processed_at: ago(HOUR) },
      ]);
      const deleted = await sweepRetention(db, { outboxMs: 3 * DAY, processedMs: 31 * DAY }, now);
      expect(deleted).to.deep.equal({ outbox: 1, processed: 2 });
      const left = await db("outbox").orderBy("created_at").select("subject");
      expect(left.map((r: { subject: string }) => r.subject)).to.deep.equal(["evt.kittest.old_unpublished", "evt.kittest.recent_published"]);
      const markers: Array<{ processed_at: Date }> = await db("processed_messages").orderBy("processed_at").select("processed_at");
      expect(markers.map((m) => Math.round((now.getTime() - m.processed_at.getTime()) / HOUR))).to.deep.equal([30 * 24, 1]);
      // A second sweep finds nothing more.
      expect(await sweepRetention(db, { outboxMs: 3 * DAY, processedMs: 31 * DAY }, now)).to.deep.equal({ outbox: 0, processed: 0 });
    });
  });

  it("drops stream messages older than the stream's max_age and keeps newer ones", async function () {
    this.timeout(30_000);
    // A server of its own: the shared one's streams keep their production ages.
    const server = await startNats();
    const nats = await testNats("kit-retention-test", server);
    try {
      await ensureStreams(nats.jsm, { EVENTS: 4_000 });
      const info = await nats.jsm.streams.info("EVENTS");
      expect(info.config.max_age).to.equal(4_000 * 1_000_000);
      expect((await nats.jsm.streams.info("DEAD_LETTERS")).config.max_age).to.equal(30 * DAY * 1_000_000);
      const older = await nats.js.publish("evt.kittest.older", "{}");
      // The age is what is under test: the second message is published two seconds later.
      await sleep(2_000);
      const newer = await nats.js.publish("evt.kittest.newer", "{}");
      const state = await eventually(
        "the older message to age out",
        async () => {
          const s = (await nats.jsm.streams.info("EVENTS")).state;
          return s.first_seq > older.seq ? s : undefined;
        },
        10_000,
        25,
      );
      expect(state.first_seq).to.equal(newer.seq);
      expect(state.messages).to.equal(1);
    } finally {
      await nats.nc.close();
      await server.stop();
    }
  });

  it("refuses at boot to keep processed markers for less time than a stream keeps its messages", () => {
    expect(() => loadKitConfig({ EVENTS_MAX_AGE_DAYS: "30", RETAIN_PROCESSED_DAYS: "7" })).to.throw(ConfigError, /RETAIN_PROCESSED_DAYS/);
    expect(loadKitConfig({})).to.include({
      EVENTS_MAX_AGE_DAYS: 30,
      WORK_MAX_AGE_DAYS: 7,
      DEAD_LETTERS_MAX_AGE_DAYS: 30,
      RETAIN_OUTBOX_DAYS: 3,
      RETAIN_PROCESSED_DAYS: 31,
    });
  });
});
