import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { call } from "../../kit/call.ts";
import { AppError } from "../../kit/errors.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { notificationJobs, notifications } from "../../../subjects/notifications.ts";
import { localMinutes } from "../preferences.ts";
import { DIGEST } from "../digests.ts";
import { digestTimers } from "../migrations/010-digest-timers.ts";
import { findTimer } from "../../kit/timers.ts";
import { deliveryStatus, followUser, type Harness, makeUser, principal, projected, startHarness, type TestUser } from "./support/harness.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { eventFacts, publishFact } from "./support/facts.ts";

describe("notifications: email, push, preferences and operations", function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.stop();
  });

  /** An organizer with these followers, projected. */
  async function audience(n: number, opts: Parameters<typeof makeUser>[1] = {}): Promise<{ organizer: TestUser; followers: TestUser[] }> {
    const organizer = await makeUser(h, { device: false });
    const followers: TestUser[] = [];
    for (let i = 0; i < n; i++) followers.push(await makeUser(h, opts));
    for (const f of followers) await followUser(h, f.id, { kind: "user", id: organizer.id });
    await projected(h, [organizer.id, ...followers.map((f) => f.id)], n, { kind: "user", id: organizer.id });
    return { organizer, followers };
  }
  const publish = (organizerId: string) => publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizerId, null));

  describe("email", () => {
    it("suppresses an address after one 550 and never tries it again", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false });
      h.smtp.reject(f.email, 550);
      const first = await publish(organizer.id);
      await eventually("suppressed", async () => (await deliveryStatus(h, first, f.id, "email"))?.status === "suppressed");
      expect(h.smtp.attempts.get(f.email)).to.equal(1);
      const second = await publish(organizer.id);
      await eventually("second suppressed without an attempt", async () => (await deliveryStatus(h, second, f.id, "email"))?.status === "suppressed");
      expect(h.smtp.attempts.get(f.email)).to.equal(1);
      expect(h.smtp.to(f.email)).to.have.length(0);
      expect((await call(h.running.nats.nc, notifications.inboxUnreadCount, {}, { principal: principal(f.id) })).unread).to.equal(2);
    });

    it("retries a 451 with backoff and delivers once accepted", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false });
      h.smtp.reject(f.email, 451, 2);
      const source = await publish(organizer.id);
      await eventually("delivered after two refusals", async () => h.smtp.to(f.email).length === 1, 10_000);
      expect(h.smtp.attempts.get(f.email)).to.equal(3);
      const d = await eventually(
        "sent",
        async () => ((await deliveryStatus(h, source, f.id, "email"))?.status === "sent" ? deliveryStatus(h, source, f.id, "email") : undefined),
      );
      expect(d!.attempts).to.equal(3);
    });

    it("marks an email failed after NOTIFY_MAX_ATTEMPTS temporary refusals", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false });
      h.smtp.reject(f.email, 451);
      const source = await publish(organizer.id);
      await eventually("failed", async () => (await deliveryStatus(h, source, f.id, "email"))?.status === "failed", 10_000);
      expect(h.smtp.attempts.get(f.email)).to.equal(3);
    });

    it("carries a signed one-click List-Unsubscribe link that turns that kind of email off", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false });
      await publish(organizer.id);
      const mail = await eventually("email", async () => h.smtp.to(f.email)[0]);
      expect(mail.headers.get("list-unsubscribe-post")).to.equal("List-Unsubscribe=One-Click");
      const link = mail.headers.get("list-unsubscribe")!.match(/^<(https:\/\/convene\.test\/v1\/notifications\/unsubscribe\?token=([^>]+))>$/);
      expect(link, mail.headers.get("list-unsubscribe")).to.not.equal(null);
      expect(mail.text).to.contain(link![1]);
      const token = decodeURIComponent(link![2]);
      const bad =
        (await call(h.running.nats.nc, notifications.preferencesUnsubscribe, { token: token.slice(0, -2) + "xx" }).catch((e: unknown) => e)) as AppError;
      expect(bad.status).to.equal(400);
      expect(await call(h.running.nats.nc, notifications.preferencesUnsubscribe, { token })).to.deep.equal({ userId: f.id, kind: "event_published" });
      const prefs = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      expect(prefs.kinds.event_published).to.deep.equal({ in_app: true, email: false, push: true });
      await publish(organizer.id);
      await eventually(
        "second inbox item",
        async () => (await call(h.running.nats.nc, notifications.inboxUnreadCount, {}, { principal: principal(f.id) })).unread === 2,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(h.smtp.to(f.email)).to.have.length(1);
    });
  });

  describe("push (FCM error table)", () => {
    it("drops a token answered UNREGISTERED after its first failure, and one answered INVALID_ARGUMENT", async () => {
      const { organizer, followers: [gone, invalid, ok] } = await audience(3);
      h.fcm.fail(gone.token, "unregistered");
      h.fcm.fail(invalid.token, "invalid");
      const source = await publish(organizer.id);
      await eventually(
        "both failed",
        async () =>
          (await deliveryStatus(h, source, gone.id, "push"))?.status === "failed" && (await deliveryStatus(h, source, invalid.id, "push"))?.status === "failed",
      );
      expect(h.fcm.requests.get(gone.token)).to.equal(1);
      expect(h.fcm.requests.get(invalid.token)).to.equal(1);
      expect(await h.db("devices").whereIn("token", [gone.token, invalid.token]).select("token")).to.deep.equal([]);
      await eventually("the healthy token got its push", async () => h.fcm.to(ok.token).length === 1);
      await publish(organizer.id);
      await eventually("the next one reaches the healthy token", async () => h.fcm.to(ok.token).length === 2);
      expect(h.fcm.requests.get(gone.token)).to.equal(1);
    });

    it("retries a 429 after its Retry-After and a 503 (firebase-admin honours its Retry-After), delivering once", async () => {
      const { organizer, followers: [limited, unavailable] } = await audience(2);
      h.fcm.fail(limited.token, "rate-limited", 1, 1);
      h.fcm.fail(unavailable.token, "unavailable", 1, 1);
      const started = Date.now();
      const source = await publish(organizer.id);
      await eventually("both delivered", async () => h.fcm.to(limited.token).length === 1 && h.fcm.to(unavailable.token).length === 1, 10_000);
      expect(Date.now() - started).to.be.greaterThanOrEqual(1_000);
      expect(h.fcm.requests.get(limited.token)).to.equal(2);
      expect(h.fcm.requests.get(unavailable.token)).to.equal(2);
      const d = await eventually(
        "recorded",
        async () => ((await deliveryStatus(h, source, limited.id, "push"))?.status === "sent" ? deliveryStatus(h, source, limited.id, "push") : undefined),
      );
      expect(d!.attempts).to.equal(2);
    });
  });

  describe("preferences and quiet hours", () => {
    it("keeps email off for a kind switched off, and push and inbox on", async () => {
      const { organizer, followers: [f] } = await audience(1);
      const prefs = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      prefs.kinds.event_published.email = false;
      await call(h.running.nats.nc, notifications.preferencesSet, prefs, { principal: principal(f.id) });
      await publish(organizer.id);
      await eventually("push", async () => h.fcm.to(f.token).length === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(h.smtp.to(f.email)).to.have.length(0);
      expect((await call(h.running.nats.nc, notifications.inboxUnreadCount, {}, { principal: principal(f.id) })).unread).to.equal(1);
    });

    it("holds email and push until quiet hours end in the user's time zone, and shows the inbox item at once", async () => {
      const tz = "Asia/Tokyo";
      const { organizer, followers: [f] } = await audience(1, { timeZone: tz });
      const hhmm = (m: number) => `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, "0")}:${String((m + 1440) % 60).padStart(2, "0")}`;
      const now = localMinutes(new Date(), tz);
      await call(h.running.nats.nc, notifications.preferencesSet, {
        kinds: {
          event_published: { in_app: true, email: true, push: true },
          event_updated: { in_app: true, email: true, push: true },
          event_cancelled: { in_app: true, email: true, push: true },
        },
        quietHours: { start: hhmm(now - 60), end: hhmm(now + 120) },
        digest: false,
      }, { principal: principal(f.id) });
      const source = await publish(organizer.id);
      await eventually(
        "inbox at once",
        async () => (await call(h.running.nats.nc, notifications.inboxUnreadCount, {}, { principal: principal(f.id) })).unread === 1,
      );
      const email = await eventually("email held", async () => deliveryStatus(h, source, f.id, "email"));
      const push = await eventually("push held", async () => deliveryStatus(h, source, f.id, "push"));
      for (const d of [email, push]) {
        expect(d.status).to.equal("pending");
        const wait = new Date(d.not_before).getTime() - Date.now();
        expect(wait).to.be.within(118 * 60_000, 121 * 60_000);
      }
      await new Promise((r) => setTimeout(r, 400));
      expect(h.smtp.to(f.email)).to.have.length(0);
      expect(h.fcm.to(f.token)).to.have.length(0);
      // Time passes: the window is over, and the scheduler sends both.
      await h.db("deliveries").where({ source_id: source, user_id: f.id }).update({ not_before: h.db.fn.now() });
      await eventually("sent after quiet hours", async () => h.smtp.to(f.email).length === 1 && h.fcm.to(f.token).length === 1);
    });
  });

  describe("daily digest", () => {
    /** The clock reaches the user's digest time: their held emails came due `msAgo` ago, and so did the timer (its grace included). */
    async function morning(userId: string, msAgo: number) {
      const at = new Date(Date.now() - msAgo);
      await h.db("deliveries").where({ user_id: userId, status: "held" }).update({ not_before: at });
      await h.db("timers").where({ kind: DIGEST, key: userId }).update({ due_at: new Date(at.getTime() + 30_000) });
    }

    it("holds a follower's emails for one digest at their digest time, with push and inbox at once, and its link unsubscribes every kind", async () => {
      const { organizer, followers: [f] } = await audience(1, { timeZone: "Asia/Tokyo" });
      const prefs = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: true }, { principal: principal(f.id) });
      const first = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null, { title: "Digest One" }));
      const second = await publishFact(h.running.nats.js, eventEvents.cancelled, {
        ...eventFacts(organizer.id, null, { title: "Digest Two", status: "cancelled" }),
        reason: "venue flooded",
      });
      await eventually("two pushes", async () => h.fcm.to(f.token).length === 2);
      expect((await call(h.running.nats.nc, notifications.inboxUnreadCount, {}, { principal: principal(f.id) })).unread).to.equal(2);
      const held = await Promise.all([first, second].map((s) => eventually("held", async () => deliveryStatus(h, s, f.id, "email"))));
      for (const d of held) {
        expect(d.status).to.equal("held");
        // 08:00 in Tokyo, within the next day.
        expect(localMinutes(new Date(d.not_before), "Asia/Tokyo")).to.equal(8 * 60);
        expect(new Date(d.not_before).getTime() - Date.now()).to.be.within(0, 24 * 3_600_000);
      }
      // One durable timer for the user, at that time plus the grace.
      expect((await findTimer(h.db, DIGEST, f.id))?.dueAt.getTime()).to.equal(new Date(held[0].not_before).getTime() + 30_000);
      await new Promise((r) => setTimeout(r, 400));
      expect(h.smtp.to(f.email)).to.have.length(0);

      // Digest time, but within its grace (a late batch may still join): nothing yet.
      await morning(f.id, 5_000);
      await new Promise((r) => setTimeout(r, 800));
      expect(h.smtp.to(f.email)).to.have.length(0);
      expect((await deliveryStatus(h, first, f.id, "email"))?.status).to.equal("held");
      // The morning comes (and its grace passes): one digest listing both, nothing more later.
      await morning(f.id, 60_000);
      const digest = await eventually("digest", async () => h.smtp.to(f.email)[0], 10_000);
      expect(digest.subject).to.equal("Your Convene digest");
      expect(digest.text).to.contain("New: Digest One");
      expect(digest.text).to.contain("Cancelled: Digest Two");
      expect(digest.html).to.contain("Digest One");
      for (const s of [first, second]) expect((await deliveryStatus(h, s, f.id, "email"))?.status).to.equal("digested");
      await new Promise((r) => setTimeout(r, 600));
      expect(h.smtp.to(f.email)).to.have.length(1);
      expect(await findTimer(h.db, DIGEST, f.id)).to.equal(undefined);

      const token = decodeURIComponent(digest.headers.get("list-unsubscribe")!.match(/token=([^>]+)>$/)![1]);
      expect(await call(h.running.nats.nc, notifications.preferencesUnsubscribe, { token })).to.deep.equal({ userId: f.id, kind: "digest" });
      const after = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      expect(Object.values(after.kinds).map((k) => k.email)).to.deep.equal([false, false, false]);
      expect(after.kinds.event_published.push).to.equal(true);
    });
  });

  describe("daily digest on a durable timer", () => {
    it("fires once at its time, then re-arms for an email held for a later digest", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false });
      const prefs = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: true }, { principal: principal(f.id) });
      const early = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null, { title: "Early item" }));
      await eventually("held", async () => (await deliveryStatus(h, early, f.id, "email"))?.status === "held");
      // The first item is due now and its digest planned in 20 s; a second one is held meanwhile for the next digest time.
      await h.db("deliveries").where({ user_id: f.id, status: "held" }).update({ not_before: new Date(Date.now() - 60_000) });
      const sooner = new Date(Date.now() + 20_000);
      await h.db("timers").where({ kind: DIGEST, key: f.id }).update({ due_at: sooner });
      const late = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null, { title: "Late item" }));
      const lateRow = await eventually("second held", async () => deliveryStatus(h, late, f.id, "email"));
      // Holding the second did not postpone the sooner digest already planned.
      expect((await findTimer(h.db, DIGEST, f.id))?.dueAt.getTime()).to.equal(sooner.getTime());
      expect(sooner.getTime()).to.be.below(new Date(lateRow.not_before).getTime() + 30_000);
      await h.db("timers").where({ kind: DIGEST, key: f.id }).update({ due_at: new Date() });

      const digest = await eventually("digest", async () => h.smtp.to(f.email)[0], 10_000);
      expect(digest.text).to.contain("Early item");
      expect(digest.text).to.not.contain("Late item");
      await new Promise((r) => setTimeout(r, 1_500));
      expect(h.smtp.to(f.email)).to.have.length(1);
      expect(
        await h.db("messages").where({ kind: "digest" }).whereIn(
          "source_id",
          h.db("deliveries").where({ user_id: f.id, status: "digested" }).select("digest_id"),
        ),
      ).to.have.length(1);
      expect((await deliveryStatus(h, late, f.id, "email"))?.status).to.equal("held");
      // Re-armed after the send, for the email still held.
      expect((await findTimer(h.db, DIGEST, f.id))?.dueAt.getTime()).to.equal(new Date(lateRow.not_before).getTime() + 30_000);
    });

    it("re-plans the held emails and the timer when the preferences change", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false, timeZone: "UTC" });
      const prefs = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: true }, { principal: principal(f.id) });
      const source = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null, { title: "Held item" }));
      const held = await eventually("held", async () => deliveryStatus(h, source, f.id, "email"));
      const before = (await findTimer(h.db, DIGEST, f.id))!.dueAt.getTime();
      expect(before).to.equal(new Date(held.not_before).getTime() + 30_000);

      // Quiet hours around the digest time (08:00 UTC) move it to their end, and the timer with it.
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: true, quietHours: { start: "07:00", end: "09:30" } }, {
        principal: principal(f.id),
      });
      const moved = await deliveryStatus(h, source, f.id, "email");
      expect(localMinutes(new Date(moved!.not_before), "UTC")).to.equal(9 * 60 + 30);
      expect((await findTimer(h.db, DIGEST, f.id))?.dueAt.getTime()).to.equal(new Date(moved!.not_before).getTime() + 30_000);

      // The digest turned off: what was held goes out as one digest now (after its grace).
      const t0 = Date.now();
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: false }, { principal: principal(f.id) });
      const due = (await findTimer(h.db, DIGEST, f.id))!.dueAt.getTime();
      expect(due - t0).to.be.within(29_000, 31_000);
      // Saving the same preferences again changes nothing.
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: false }, { principal: principal(f.id) });
      expect((await findTimer(h.db, DIGEST, f.id))?.dueAt.getTime()).to.equal(due);
    });

    it("plans, at migration, a timer for every user whose emails were held before digests had timers", async () => {
      const { organizer, followers: [f] } = await audience(1, { device: false });
      const prefs = await call(h.running.nats.nc, notifications.preferencesGet, {}, { principal: principal(f.id) });
      await call(h.running.nats.nc, notifications.preferencesSet, { ...prefs, digest: true }, { principal: principal(f.id) });
      const source = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null));
      const held = await eventually("held", async () => deliveryStatus(h, source, f.id, "email"));
      // As the scheduler's pass left them: held, with no timer.
      await h.db("timers").where({ kind: DIGEST, key: f.id }).delete();
      await digestTimers.up(h.db);
      expect((await findTimer(h.db, DIGEST, f.id))?.dueAt.getTime()).to.equal(new Date(held.not_before).getTime() + 30_000);
    });
  });

  describe("svc.notifications.dead-letters", () => {
    it("lists a dead-lettered job to admins only, and refuses to replay one that still breaks its contract", async () => {
      const nc = h.running.nats.nc;
      const admin = { principal: principal(randomUUID(), ["admin"]) };
      const before = await call(nc, notifications.deadLettersList, { limit: 100 }, admin);
      // A job that breaks its contract is dead-lettered at once by the consumer group.
      const bad = randomUUID();
      await h.running.nats.js.publish(
        notificationJobs.deliver.subject,
        JSON.stringify({
          id: bad,
          type: notificationJobs.deliver.subject,
          version: 1,
          source: "test",
          occurredAt: new Date().toISOString(),
          data: { sourceId: "nope", token: `tok-${bad}`, link: `https://convene.test/reset?token=link-${bad}` },
        }),
        { msgID: bad },
      );
      const listed = await eventually("dead letter listed", async () => {
        const r = await call(nc, notifications.deadLettersList, { afterSeq: before.lastSeq, limit: 100 }, admin);
        return r.items.find((i) => (i.message as { id?: string }).id === bad);
      });
      expect(listed.durable).to.equal("notifications-deliver");
      expect(listed.error).to.match(/^schema:/);
      // Shown to admins without the credentials it carried (finding 3: dead letters).
      expect(JSON.stringify(listed.message)).to.not.contain(`tok-${bad}`).and.not.contain(`link-${bad}`);
      const denied = (await call(nc, notifications.deadLettersList, {}, { principal: principal(randomUUID()) }).catch((e: unknown) => e)) as AppError;
      expect(denied.status).to.equal(403);
      // Replayed through the consumer's handler: a message that still breaks its contract is refused.
      const still = (await call(nc, notifications.deadLettersReplay, { seq: listed.seq }, admin).catch((e: unknown) => e)) as AppError;
      expect(still.status).to.equal(400);
    });

    it("replays a dead letter through the consumer that dead-lettered it, once, republishing nothing (issue 14)", async () => {
      const nc = h.running.nats.nc;
      const admin = { principal: principal(randomUUID(), ["admin"]) };
      // A planner dead letter carrying a valid event (what a handler that failed its last try leaves).
      const id = randomUUID();
      const subject = "evt.user.unfollowed";
      const message = {
        id,
        type: subject,
        version: 1,
        source: "identity",
        occurredAt: new Date().toISOString(),
        data: { followerId: randomUUID(), target: { kind: "org", id: randomUUID() } },
      };
      const ack = await h.running.nats.js.publish(
        "dlq.notifications-planner",
        JSON.stringify({
          durable: "notifications-planner",
          stream: "EVENTS",
          streamSeq: 1,
          subject,
          deliveries: 5,
          error: "boom",
          failedAt: new Date().toISOString(),
          message,
        }),
      );
      const republished: string[] = [];
      const watch = nc.subscribe(subject, { callback: (_e, m) => void republished.push(m.subject) });
      const db = h.running.dbs.get("notifications")!;
      expect(await call(nc, notifications.deadLettersReplay, { seq: ack.seq }, admin)).to.deep.equal({ subject, duplicate: false });
      // The planner's handler ran (its once-marker is there) and nothing went back on the event's subject.
      expect(await db("processed_messages").where({ consumer: "notifications-planner", message_id: id }).first()).to.not.equal(undefined);
      expect(await call(nc, notifications.deadLettersReplay, { seq: ack.seq }, admin)).to.deep.equal({ subject, duplicate: true });
      await nc.flush();
      watch.unsubscribe();
      expect(republished).to.deep.equal([]);
    });
  });
});

describe("notifications: a send that outlasts its lease", function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    // Leases of 1 s, a scheduler looking for lapsed ones every 100 ms, and a relay that takes 1.6 s
    // to accept each message: every send outlasts the lease it was claimed with.
    h = await startHarness({ NOTIFY_LEASE_MS: "1000", NOTIFY_SCHEDULER_POLL_MS: "100", NOTIFY_SEND_CONCURRENCY: "2" });
    h.smtp.slow(1_600);
  });
  after(async () => {
    await h?.stop();
  });

  it("is sent once: the sender renews the lease of what it holds, so no other claim takes it meanwhile", async () => {
    const organizer = await makeUser(h, { device: false });
    const followers: TestUser[] = [];
    for (let i = 0; i < 4; i++) followers.push(await makeUser(h, { device: false }));
    for (const f of followers) await followUser(h, f.id, { kind: "user", id: organizer.id });
    await projected(h, [organizer.id, ...followers.map((f) => f.id)], 4, { kind: "user", id: organizer.id });
    const source = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null));
    await eventually("every email recorded sent", async () => {
      const statuses = await Promise.all(followers.map((f) => deliveryStatus(h, source, f.id, "email")));
      return statuses.every((d) => d?.status === "sent");
    }, 30_000);
    // A second copy, had a lapsed lease been claimed, would still be on its way: wait out its send.
    await new Promise((r) => setTimeout(r, 2_000));
    for (const f of followers) expect(h.smtp.to(f.email), f.email).to.have.length(1);
  });
});
