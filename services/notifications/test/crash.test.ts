import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ensureStreams, type Nats } from "../../kit/nats.ts";
import { natsEnv, testNats } from "../../../test/support/env.ts";
import { startNats, type TestNats } from "../../../test/support/nats-server.ts";
import { type Db, openDb } from "../../kit/db.ts";
import { call } from "../../kit/call.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { notifications } from "../../../subjects/notifications.ts";
import { type Child, spawnTs } from "../../kit/test/helpers.ts";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";
import { type FcmStandIn, startFcmStandIn } from "./support/fcm-stand-in.ts";
import { plannerCaughtUp, principal, sinkEnv } from "./support/harness.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { atSinks } from "./support/sinks.ts";
import { eventFacts, publishFact } from "./support/facts.ts";

const N = 10_000;
const worker = fileURLToPath(new URL("./support/worker.ts", import.meta.url));

describe("notifications: kill -9 of workers during a 10,000-recipient fan-out", function () {
  // Caps, not waits: on a quiet machine the run takes about two minutes, but each of the six
  // worker boots (node, type stripping, migrations) took over 30 s on a 2-core machine shared
  // with other runs (load 15).
  this.timeout(300_000);
  let smtp: SmtpSink;
  let fcm: FcmStandIn;
  let nats: Nats;
  let server: TestNats | undefined;
  let db: Db;
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
    // Its own nats-server: the 20,000 user facts it publishes would otherwise sit in the run's shared
    // EVENTS stream in front of every later platform's consumers (the Deno journey timed out behind them).
    server = await startNats();
    env = {
      ...sinkEnv(smtp, fcm),
      ...natsEnv(server),
      NOTIFY_BATCH_SIZE: "500",
      NOTIFY_DELIVER_ACK_WAIT_MS: "4000",
      NOTIFY_LEASE_MS: "8000",
      NOTIFY_SCHEDULER_POLL_MS: "250",
      NOTIFY_RETRY_BASE_MS: "500",
      NOTIFY_MAX_ATTEMPTS: "10",
      NOTIFY_SEND_CONCURRENCY: "16",
      NOTIFY_DELIVER_CONCURRENCY: "4",
    };
    nats = await testNats("crash-test", server);
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
    await db?.destroy();
    await nats?.nc.close();
    await server?.stop();
    await Promise.all([smtp?.stop(), fcm?.stop()]);
  });

  it("ends with exactly one inbox row, one email and one push (by Message-ID / collapse key) per recipient after three SIGKILLs", async () => {
    const organizer = randomUUID();
    const users = Array.from({ length: N }, () => randomUUID());
    const email = (u: string) => `c-${u}@example.org`;
    // The followers, as identity's outbox would announce them; and their devices.
    // In chunks: 20,001 publishes in flight at once wait on their acks longer than JetStream's
    // publish timeout while the workers drain the run's EVENTS.
    await publishFact(nats.js, identityEvents.profileUpdated, {
      userId: organizer,
      email: email(organizer),
      displayName: "Organizer",
      locale: "en",
      timeZone: "UTC",
    });
    for (let i = 0; i < N; i += 1_000) {
      await Promise.all(
        users.slice(i, i + 1_000).flatMap((u) => [
          publishFact(nats.js, identityEvents.profileUpdated, { userId: u, email: email(u), displayName: "Follower", locale: "en", timeZone: "UTC" }),
          publishFact(nats.js, identityEvents.followed, { followerId: u, target: { kind: "user", id: organizer }, followedAt: new Date().toISOString() }),
        ]),
      );
    }
    for (let i = 0; i < N; i += 500) {
      await Promise.all(
        users.slice(i, i + 500).map((u) =>
          call(nats.nc, notifications.devicesRegister, { token: `t-${u}`, platform: "ios" }, { principal: principal(u), timeoutMs: 60_000 })
        ),
      );
    }
    await eventually(
      "followers projected",
      async () => Number((await db("follows").where({ target_kind: "user", target_id: organizer }).count({ n: "*" }).first())?.n) === N,
      60_000,
      200,
    );
    await eventually(
      "contacts projected",
      async () => Number((await db("users").whereIn("user_id", users.slice(-100)).count({ n: "*" }).first())?.n) === 100,
      30_000,
      200,
    );

    const source = await publishFact(nats.js, eventEvents.published, eventFacts(organizer, null));
    const inboxRows = async () => Number((await db("inbox").where({ source_id: source }).count({ n: "*" }).first())?.n);
    const sent = async (channel: string) => Number((await db("deliveries").where({ source_id: source, channel, status: "sent" }).count({ n: "*" }).first())?.n);
    const kill = async (what: string) => {
      const victim = workers.filter((w) => w.proc.exitCode === null && w.proc.signalCode === null)[0];
      victim.kill("SIGKILL");
      await victim.exited;
      await spawnWorker();
      return what;
    };
    // Three crashes at three points of the fan-out: while inbox rows are written, while emails
    // go out, while pushes go out.
    await eventually("inbox under way", async () => (await inboxRows()) >= 1_000, 30_000, 10);
    await kill("inbox");
    await eventually("emails under way", async () => smtp.messages.length - 0 >= 3_000, 60_000, 10);
    await kill("email");
    await eventually("pushes under way", async () => fcm.messages.length >= 6_000, 60_000, 10);
    await kill("push");

    await eventually(
      "every delivery recorded sent",
      async () => (await inboxRows()) === N && (await sent("email")) === N && (await sent("push")) === N,
      90_000,
      250,
    );
    const inboxDupes = await db("inbox").where({ source_id: source }).groupBy("user_id").havingRaw("count(*) > 1").select("user_id");
    expect(inboxDupes).to.deep.equal([]);
    // At the sinks: one id per recipient, copies of in-flight sends counted (support/sinks.ts).
    const mine = new Set(users.map(email));
    const { emailIds, emailCopies, pushIds, pushCopies } = atSinks(smtp, fcm, mine, source);
    console.log(`      (sinks: ${emailCopies - N} email and ${pushCopies - N} push copies resent after the kills; each with its original id)`);
    expect(emailIds.size).to.equal(N);
    expect(pushIds.size).to.equal(N);
    expect([...emailIds.values()].filter((ids) => ids.size !== 1)).to.deep.equal([]);
    expect([...pushIds.values()].filter((ids) => ids.size !== 1 || ids.has(""))).to.deep.equal([]);
    // Copies only of sends in flight at a kill: at most two per send lane of the three dead
    // workers (a lane sends its next while its last outcome is being recorded, sending.ts).
    const lanes = Number(env.NOTIFY_SEND_CONCURRENCY) * (Number(env.NOTIFY_DELIVER_CONCURRENCY) + 1);
    expect(emailCopies - N).to.be.at.most(3 * 2 * lanes);
    expect(pushCopies - N).to.be.at.most(3 * 2 * lanes);
  });
});
