/**
 * Starts the notifications service in this process against the run's NATS and Postgres, with a
 * real SMTP sink and the FCM stand-in, plus helpers to create followers through domain facts.
 */
import { randomUUID } from "node:crypto";
import { run, type Running } from "../../../kit/run.ts";
import type { Db } from "../../../kit/db.ts";
import { call } from "../../../kit/call.ts";
import { identityEvents } from "../../../../subjects/identity.ts";
import { notifications } from "../../../../subjects/notifications.ts";
import type { Principal } from "../../../../subjects/principal.ts";
import { databaseUrl, natsEnv, natsUrl, testNats } from "../../../../test/support/env.ts";
import { eventually } from "../../../../test/support/eventually.ts";
import type { JetStreamManager } from "@nats-io/jetstream";
import { notificationsService } from "../../index.ts";
import { PLANNER } from "../../consumers/planner.ts";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.ts";
import { type FcmStandIn, startFcmStandIn } from "./fcm-stand-in.ts";
import { publishFact } from "./facts.ts";
import { sinkEnvFor } from "./service-env.ts";

export { sealLink, UNSUBSCRIBE_SECRET } from "./service-env.ts";

export type Harness = {
  running: Running;
  db: Db;
  smtp: SmtpSink;
  fcm: FcmStandIn;
  stop(): Promise<void>;
};

export function sinkEnv(smtp: SmtpSink, fcm: FcmStandIn): Record<string, string> {
  return { ...sinkEnvFor({ natsUrl: natsUrl(), databaseUrl: databaseUrl(), smtpUrl: smtp.url, fcmUrl: fcm.url }), ...natsEnv() };
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const [smtp, fcm] = await Promise.all([startSmtpSink(), startFcmStandIn()]);
  const started = await run([notificationsService], { ...sinkEnv(smtp, fcm), ...env });
  // The service runs as its own NATS user; tests publish facts and call as users over their own
  // connection (the test superuser's, minting principals as the edge would).
  const client = await testNats("notifications-test");
  const running: Running = { ...started, nats: client };
  return {
    running,
    db: running.dbs.get("notifications")!,
    smtp,
    fcm,
    async stop() {
      await client.nc.close();
      await started.stop();
      await Promise.all([smtp.stop(), fcm.stop()]);
    },
  };
}

/**
 * Waits until the planner has worked through what earlier suites left in EVENTS: a run shares one
 * NATS, so a suite that starts the planner first meets every fact published before it, and its
 * own facts would be timed behind that backlog.
 */
export async function plannerCaughtUp(jsm: JetStreamManager, timeoutMs = 120_000): Promise<void> {
  await eventually(
    "the planner caught up with the run's EVENTS",
    async () => {
      const info = await jsm.consumers.info("EVENTS", PLANNER);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    },
    timeoutMs,
    200,
  );
}

export const principal = (sub: string, roles: Principal["roles"] = ["participant"]): Principal => ({ sub, roles });

export type TestUser = { id: string; email: string; token: string; name: string };

/** A user known to notifications through identity's facts, with one registered device. */
export async function makeUser(h: Harness, opts: { locale?: string; timeZone?: string; device?: boolean } = {}): Promise<TestUser> {
  const id = randomUUID();
  const u = { id, email: `u-${id.slice(0, 8)}@example.org`, token: `tok-${id}`, name: `User ${id.slice(0, 4)}` };
  await publishFact(h.running.nats.js, identityEvents.profileUpdated, {
    userId: id,
    email: u.email,
    displayName: u.name,
    locale: opts.locale ?? "en",
    timeZone: opts.timeZone ?? "Europe/Berlin",
  });
  if (opts.device !== false) {
    await call(h.running.nats.nc, notifications.devicesRegister, { token: u.token, platform: "android" }, { principal: principal(id) });
  }
  return u;
}

export async function followUser(h: Harness, followerId: string, target: { kind: "user" | "org"; id: string }): Promise<void> {
  await publishFact(h.running.nats.js, identityEvents.followed, { followerId, target, followedAt: new Date().toISOString() });
}

/** Waits until the projections know these users and follows. */
export async function projected(h: Harness, users: string[], follows: number, target: { kind: string; id: string }): Promise<void> {
  await eventually("users projected", async () => Number((await h.db("users").whereIn("user_id", users).count({ n: "*" }).first())?.n) === users.length);
  await eventually(
    "follows projected",
    async () => Number((await h.db("follows").where({ target_kind: target.kind, target_id: target.id }).count({ n: "*" }).first())?.n) === follows,
  );
}

export async function deliveryStatus(
  h: Harness,
  sourceId: string,
  userId: string,
  channel: "email" | "push",
): Promise<{ status: string; attempts: number; not_before: Date; last_error: string | null } | undefined> {
  return h.db("deliveries").where({ source_id: sourceId, user_id: userId, channel }).first("status", "attempts", "not_before", "last_error");
}
