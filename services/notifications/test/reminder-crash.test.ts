import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ensureStreams, type Nats } from "../../kit/nats.ts";
import { testNats } from "../../../test/support/env.ts";
import { type Db, openDb } from "../../kit/db.ts";
import { scheduleTimers } from "../../kit/timers.ts";
import { type Child, spawnTs } from "../../kit/test/helpers.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { atSinks } from "./support/sinks.ts";
import { derivedId } from "../ids.ts";
import { REMINDER } from "../reminders.ts";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";
import { type FcmStandIn, startFcmStandIn } from "./support/fcm-stand-in.ts";
import { plannerCaughtUp, sinkEnv } from "./support/harness.ts";

const N = 10_000;
const worker = fileURLToPath(new URL("./support/worker.ts", import.meta.url));

/**
 * The reminder run of a 10,000-attendee event on the kit's durable timers, with worker processes
 * killed by SIGKILL while it runs (issue 17, "Must show"). The attendees are seeded straight into
 * what the reminder run reads — the service's own projections (users, devices, events,
 * attendances) and its planned timers, as planReminders writes them — so the run starts at once
 * instead of after 30,000 facts.
 */
describe("notifications: kill -9 of workers during a 10,000-attendee reminder run", function () {
  // Caps, not waits (a worker boot took over 30 s on a loaded 2-core machine).
  this.timeout(240_000);
  let smtp: SmtpSink;
  let fcm: FcmStandIn;
  let nats: Nats;
  let db: Db;
  const eventIds: string[] = [];
  let env: Record<string, string>;
  const workers: Child[] = [];

  const spawnWorker = async () => {
    const w = spawnTs(worker, env);
    workers.push(w);
    await w.line(/notifications worker \d+ ready/, 90_000);
    return w;
  };

  before(async () => {
    [smtp, fcm] = await Promise.all([startSmtpSink(), startFcmStandIn()]);
    env = {
      ...sinkEnv(smtp, fcm),
      NOTIFY_LEASE_MS: "5000",
      NOTIFY_SCHEDULER_POLL_MS: "250",
      NOTIFY_RETRY_BASE_MS: "500",
      NOTIFY_MAX_ATTEMPTS: "10",
      NOTIFY_SEND_CONCURRENCY: "16",
    };
    nats = await testNats("reminder-crash-test");
    await ensureStreams(nats.jsm);
    // One first: concurrent first boots race on CREATE SCHEMA IF NOT EXISTS (kit/db.ts).
    await spawnWorker();
    await Promise.all([spawnWorker(), spawnWorker()]);
    await plannerCaughtUp(nats.jsm);
    db = await openDb({ schema: "notifications", url: env.DATABASE_URL });
  });
  after(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await Promise.all(workers.map((w) => w.exited));
    // A failed run must not leave its 10,000 due reminders to the next tests' services (same schema).
    await db?.("timers").where({ kind: REMINDER }).whereRaw("payload->>'eventId' = any(?)", [eventIds]).delete();
    await db?.destroy();
    await nats?.nc.close();
    await Promise.all([smtp?.stop(), fcm?.stop()]);
  });

  it("ends with exactly one reminder per attendee per channel (inbox row; email by Message-ID; push by collapse key) after three SIGKILLs", async () => {
    const t0 = Date.now();
    const eventId = randomUUID();
    eventIds.push(eventId);
    const offsetS = 3_600;
    const startsAt = new Date(Date.now() + offsetS * 1_000 + 60_000).toISOString();
    const users = Array.from({ length: N }, () => randomUUID());
    const orders = users.map(() => randomUUID());
    const email = (u: string) => `r-${u}@example.org`;
    // What the projections hold once identity's, events' and bookings' facts are in, and the
    // timers planReminders writes for each confirmed order — all due now.
    await db.transaction(async (trx) => {
      for (let i = 0; i < N; i += 1_000) {
        const slice = users.slice(i, i + 1_000);
        await trx("users").insert(slice.map((u) => ({ user_id: u, email: email(u), display_name: "Attendee", locale: "en", time_zone: "UTC" })));
        await trx("devices").insert(slice.map((u) => ({ token: `rt-${u}`, user_id: u, platform: "android" })));
        await trx("attendances").insert(
          slice.map((u, j) => ({
            order_id: orders[i + j],
            event_id: eventId,
            user_id: u,
            status: "confirmed",
            reason: null,
            seats: 1,
            occurred_at: new Date(),
          })),
        );
      }
      await trx("events").insert({
        event_id: eventId,
        organizer_id: randomUUID(),
        title: "Ten thousand seats",
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        time_zone: "Europe/Berlin",
        venue: null,
        online_url: null,
        status: "published",
        visibility: "public",
        sequence: 0,
      });
      await scheduleTimers(
        trx,
        orders.map((orderId) => ({ kind: REMINDER, key: `${orderId}:${offsetS}`, dueAt: new Date(), payload: { orderId, eventId, startsAt, offsetS } })),
      );
    });
    const seeded = Date.now();

    const source = derivedId("reminder", eventId, startsAt, offsetS);
    const inboxRows = async () => Number((await db("inbox").where({ source_id: source }).count({ n: "*" }).first())?.n);
    const sent = async (channel: string) => Number((await db("deliveries").where({ source_id: source, channel, status: "sent" }).count({ n: "*" }).first())?.n);
    const timersLeft = async () =>
      Number((await db("timers").where({ kind: REMINDER }).whereRaw("payload->>'eventId' = ?", [eventId]).count({ n: "*" }).first())?.n);
    const kills: string[] = [];
    const respawns: Array<Promise<Child>> = [];
    const kill = async (when: string) => {
      const victim = workers.filter((w) => w.proc.exitCode === null && w.proc.signalCode === null)[0];
      victim.kill("SIGKILL");
      await victim.exited;
      kills.push(`${when} at ${await inboxRows()} inbox rows, ${smtp.messages.length} emails, ${fcm.messages.length} pushes`);
      // A replacement boots meanwhile; the survivors carry on without waiting for it.
      respawns.push(spawnWorker());
    };
    // Three crashes while the timers fire (each fire writes one attendee's inbox row and
    // deliveries, then sends them): early, midway, late.
    await eventually("reminders firing", async () => (await inboxRows()) >= 1_500, 60_000, 10);
    await kill("early");
    await eventually("a third told", async () => (await inboxRows()) >= 4_000, 60_000, 10);
    await kill("midway");
    await eventually("two thirds told", async () => (await inboxRows()) >= 7_000, 60_000, 10);
    await kill("late");

    await eventually(
      "every reminder recorded sent",
      async () => (await inboxRows()) === N && (await sent("email")) === N && (await sent("push")) === N,
      120_000,
      250,
    );
    const done = Date.now();
    await Promise.all(respawns);
    expect(await timersLeft()).to.equal(0);
    const inboxDupes = await db("inbox").where({ source_id: source }).groupBy("user_id").havingRaw("count(*) > 1").select("user_id");
    expect(inboxDupes).to.deep.equal([]);
    // At the sinks: one id per recipient, copies of in-flight sends counted (support/sinks.ts).
    const mine = new Set(users.map(email));
    const { emailIds, emailCopies, pushIds, pushCopies } = atSinks(smtp, fcm, mine, source);
    console.log(`      (kills: ${kills.join("; ")})`);
    console.log(
      `      (seeded in ${seeded - t0} ms, run ${done - seeded} ms; sinks: ${emailCopies - N} email and ${
        pushCopies - N
      } push copies resent after the kills, each with its original id)`,
    );
    expect(emailIds.size).to.equal(N);
    expect(pushIds.size).to.equal(N);
    expect([...emailIds.values()].filter((ids) => ids.size !== 1)).to.deep.equal([]);
    expect([...pushIds.values()].filter((ids) => ids.size !== 1 || ids.has(""))).to.deep.equal([]);
    // Every attendee's email and push is the one reminder: its push names the reminder source.
    expect(smtp.messages.filter((m) => mine.has(m.to)).every((m) => /starts in/.test(m.subject))).to.equal(true);
    // Copies only of sends in flight at a kill: at most a few batches' send lanes per dead worker.
    expect(emailCopies - N).to.be.at.most(3 * 100);
    expect(pushCopies - N).to.be.at.most(3 * 100);
  });
});
