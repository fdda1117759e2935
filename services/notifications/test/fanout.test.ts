import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { call } from "../../kit/call.ts";
import { AppError } from "../../kit/errors.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { LiveInboxItem, liveInboxSubject, notificationJobs, notifications } from "../../../subjects/notifications.ts";
import { check } from "../../kit/validate.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { followUser, type Harness, makeUser, plannerCaughtUp, principal, projected, sealLink, startHarness } from "./support/harness.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { eventFacts, publishFact } from "./support/facts.ts";

describe("notifications: fan-out, inbox and live stream", function () {
  this.timeout(30_000);
  let h: Harness;
  before(async function () {
    this.timeout(150_000);
    h = await startHarness();
    await plannerCaughtUp(h.running.nats.jsm);
  });
  after(async () => {
    await h?.stop();
  });

  it("tells each follower of the organizer and of the organization once, by inbox, email and push, and never the organizer", async () => {
    const organizer = await makeUser(h);
    const org = randomUUID();
    const both = await makeUser(h);
    const orgOnly = await makeUser(h, { locale: "ru" });
    const stranger = await makeUser(h);
    await followUser(h, both.id, { kind: "user", id: organizer.id });
    await followUser(h, both.id, { kind: "org", id: org });
    await followUser(h, orgOnly.id, { kind: "org", id: org });
    await followUser(h, organizer.id, { kind: "org", id: org });
    await projected(h, [organizer.id, both.id, orgOnly.id, stranger.id], 3, { kind: "org", id: org });

    const live: LiveInboxItem[] = [];
    const sub = h.running.nats.nc.subscribe(liveInboxSubject(both.id), { callback: (_e, m) => void live.push(check(LiveInboxItem, m.json())) });
    const sourceId = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, org));

    await eventually("emails to both followers", async () => h.smtp.to(both.email).length === 1 && h.smtp.to(orgOnly.email).length === 1);
    await eventually("pushes to both followers", async () => h.fcm.to(both.token).length === 1 && h.fcm.to(orgOnly.token).length === 1);
    const inbox = await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(both.id) });
    expect(inbox.items.map((i) => i.sourceId)).to.deep.equal([sourceId]);
    expect(inbox.items[0].title).to.equal("New event: NATS in Production");
    expect(inbox.items[0].link).to.match(/^\/events\/[0-9a-f-]{36}$/);
    const ru = await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(orgOnly.id) });
    expect(ru.items[0].title).to.equal("Новое событие: NATS in Production");
    expect((await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(organizer.id) })).items).to.have.length(0);
    expect((await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(stranger.id) })).items).to.have.length(0);
    expect(h.smtp.to(organizer.email)).to.have.length(0);
    expect(h.smtp.to(orgOnly.email)[0].subject).to.equal("Новое событие: NATS in Production");
    expect(h.smtp.to(orgOnly.email)[0].text).to.contain("Здравствуйте, User");
    const push = h.fcm.to(both.token)[0];
    expect(push.data?.link).to.equal(inbox.items[0].link);
    expect(push.android?.collapse_key).to.equal(push.data?.nid).and.to.equal(derivedId(sourceId, both.id));
    expect(push.apns?.headers?.["apns-collapse-id"]).to.equal(push.data?.nid);
    expect(push.webpush?.fcmOptions?.link).to.equal(`https://convene.test${inbox.items[0].link}`);
    await eventually("the live inbox message", async () => live.length === 1);
    expect(live[0].sourceId).to.equal(sourceId);
    sub.unsubscribe();
  });

  it("writes nothing twice when a batch is delivered again under another message id", async () => {
    const organizer = await makeUser(h);
    const f = await makeUser(h);
    await followUser(h, f.id, { kind: "user", id: organizer.id });
    await projected(h, [organizer.id, f.id], 1, { kind: "user", id: organizer.id });
    const sourceId = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null));
    await eventually("first delivery", async () => h.smtp.to(f.email).length === 1 && h.fcm.to(f.token).length === 1);
    const job = await h.db("fanout_batches").where({ source_id: sourceId }).first();
    const msg = await h.db("messages").where({ source_id: sourceId }).first();
    // As if the stream's duplicate window had passed: the same batch, a new msgID.
    const data = {
      sourceId,
      batchNo: 0,
      batches: 1,
      kind: "event_published" as const,
      audience: {
        type: "followers" as const,
        targets: [{ kind: "user" as const, id: organizer.id }],
        excludeUserId: organizer.id,
        after: job.after_id,
        upTo: job.up_to_id,
      },
      params: msg.params,
      link: msg.link,
    };
    await publishFact(h.running.nats.js, notificationJobs.deliver, data, { source: "notifications" });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(Number((await h.db("inbox").where({ user_id: f.id }).count({ n: "*" }).first())?.n)).to.equal(1);
    expect(h.smtp.to(f.email)).to.have.length(1);
    expect(h.fcm.to(f.token)).to.have.length(1);
    expect(derivedId(sourceId, 0)).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("tells followers of a change of time, and keeps quiet about a change of title, a private event and a change that arrives after a newer one", async () => {
    const organizer = await makeUser(h);
    const f = await makeUser(h, { device: false });
    await followUser(h, f.id, { kind: "user", id: organizer.id });
    await projected(h, [organizer.id, f.id], 1, { kind: "user", id: organizer.id });
    const base = eventFacts(organizer.id, null);
    await publishFact(h.running.nats.js, eventEvents.updated, { ...base, title: "Renamed", sequence: 1, changed: ["title"] });
    await publishFact(h.running.nats.js, eventEvents.published, { ...eventFacts(organizer.id, null), visibility: "private" });
    const moved = await publishFact(h.running.nats.js, eventEvents.updated, {
      ...base,
      sequence: 2,
      startsAt: "2026-12-03T10:00:00.000Z",
      changed: ["startsAt"],
      previous: { startsAt: base.startsAt },
    });
    // The planner handles facts concurrently; a cancellation handled first would make the change
    // stale (as the last step shows), so let the change be handled first.
    await eventually("change handled", async () => h.db("processed_messages").where({ message_id: moved }).first());
    const cancelled = await publishFact(h.running.nats.js, eventEvents.cancelled, { ...base, status: "cancelled", sequence: 3, reason: "Venue flooded" });
    await eventually("two emails", async () => h.smtp.to(f.email).length === 2);
    // The change in words, old and new on the follower's clock (Europe/Berlin), no field names.
    const change = h.smtp.to(f.email).find((m) => m.subject.startsWith("Changed"))!;
    expect(change.text).to.contain("Starts: December 3, 2026 at 11:00 AM (Europe/Berlin) (was December 3, 2026 at 10:00 AM (Europe/Berlin))");
    expect(change.text).to.not.contain("startsAt");
    const items = (await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(f.id) })).items;
    expect(items.map((i) => [i.sourceId, i.kind])).to.have.deep.members([
      [moved, "event_updated"],
      [cancelled, "event_cancelled"],
    ]);
    // A change older than the cancellation, delivered late: followers are not told the old news.
    const late = await publishFact(h.running.nats.js, eventEvents.updated, {
      ...base,
      sequence: 2,
      venue: null,
      onlineUrl: "https://meet.example.org/late",
      changed: ["venue", "onlineUrl"],
    });
    await eventually("late fact handled", async () => h.db("processed_messages").where({ message_id: late }).first());
    await new Promise((r) => setTimeout(r, 200));
    expect(h.smtp.to(f.email)).to.have.length(2);
    expect((await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(f.id) })).items).to.have.length(2);
  });

  it("leaves out a deactivated follower and one who unfollowed, and takes the reactivated back", async () => {
    const organizer = await makeUser(h, { device: false });
    const [stays, leaves, paused] = [await makeUser(h, { device: false }), await makeUser(h, { device: false }), await makeUser(h, { device: false })];
    for (const f of [stays, leaves, paused]) await followUser(h, f.id, { kind: "user", id: organizer.id });
    await projected(h, [organizer.id, stays.id, leaves.id, paused.id], 3, { kind: "user", id: organizer.id });
    await publishFact(h.running.nats.js, identityEvents.unfollowed, { followerId: leaves.id, target: { kind: "user", id: organizer.id } });
    await publishFact(h.running.nats.js, identityEvents.deactivated, { userId: paused.id, by: organizer.id });
    await projected(h, [organizer.id, stays.id, leaves.id, paused.id], 2, { kind: "user", id: organizer.id });
    await eventually("deactivation projected", async () => (await h.db("users").where({ user_id: paused.id }).first("active"))?.active === false);
    const first = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null));
    await eventually("the follower told", async () => h.smtp.to(stays.email).length === 1);
    await publishFact(h.running.nats.js, identityEvents.reactivated, { userId: paused.id, by: organizer.id });
    await eventually("reactivation projected", async () => (await h.db("users").where({ user_id: paused.id }).first("active"))?.active === true);
    const second = await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null));
    await eventually("the reactivated follower told", async () => h.smtp.to(paused.email).length === 1);
    const items = async (u: string) => (await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(u) })).items.map((i) => i.sourceId);
    expect(await items(stays.id)).to.have.members([first, second]);
    expect(await items(paused.id)).to.deep.equal([second]);
    expect(await items(leaves.id)).to.deep.equal([]);
    expect(h.smtp.to(leaves.email)).to.have.length(0);
  });

  it("pages the inbox by cursor, counts unread, marks read, unread, all read and archives, only the caller's items", async () => {
    const organizer = await makeUser(h);
    const me = await makeUser(h, { device: false });
    const other = await makeUser(h, { device: false });
    await followUser(h, me.id, { kind: "user", id: organizer.id });
    await followUser(h, other.id, { kind: "user", id: organizer.id });
    await projected(h, [organizer.id, me.id, other.id], 2, { kind: "user", id: organizer.id });
    for (let i = 0; i < 5; i++) await publishFact(h.running.nats.js, eventEvents.published, eventFacts(organizer.id, null, { title: `Event ${i}` }));
    const nc = h.running.nats.nc;
    const as = { principal: principal(me.id) };
    await eventually("five unread", async () => (await call(nc, notifications.inboxUnreadCount, {}, as)).unread === 5);

    const p1 = await call(nc, notifications.inboxList, { limit: 2 }, as);
    const p2 = await call(nc, notifications.inboxList, { limit: 2, cursor: p1.nextCursor! }, as);
    const p3 = await call(nc, notifications.inboxList, { limit: 2, cursor: p2.nextCursor! }, as);
    expect(p3.nextCursor).to.equal(null);
    const all = [...p1.items, ...p2.items, ...p3.items];
    expect(all).to.have.length(5);
    expect(new Set(all.map((i) => i.id)).size).to.equal(5);
    expect(all.map((i) => Number(i.id))).to.deep.equal([...all.map((i) => Number(i.id))].sort((a, b) => b - a));

    const mine = all[0].id;
    const theirs = (await call(nc, notifications.inboxList, {}, { principal: principal(other.id) })).items[0].id;
    expect(theirs).to.not.equal(mine);
    for (const c of [notifications.inboxMarkRead, notifications.inboxMarkUnread, notifications.inboxArchive]) {
      const err = (await call(nc, c, { id: theirs }, as).catch((e: unknown) => e)) as AppError;
      expect(err.status, c.subject).to.equal(404);
    }
    expect((await call(nc, notifications.inboxList, { limit: 100 }, as)).items.map((i) => i.id)).to.not.include(theirs);

    await call(nc, notifications.inboxMarkRead, { id: mine }, as);
    expect((await call(nc, notifications.inboxUnreadCount, {}, as)).unread).to.equal(4);
    expect((await call(nc, notifications.inboxList, { unreadOnly: true }, as)).items.map((i) => i.id)).to.not.include(mine);
    await call(nc, notifications.inboxMarkUnread, { id: mine }, as);
    expect((await call(nc, notifications.inboxUnreadCount, {}, as)).unread).to.equal(5);
    await call(nc, notifications.inboxArchive, { id: mine }, as);
    expect((await call(nc, notifications.inboxList, {}, as)).items.map((i) => i.id)).to.not.include(mine);
    expect((await call(nc, notifications.inboxList, { archived: true }, as)).items.map((i) => i.id)).to.deep.equal([mine]);
    expect((await call(nc, notifications.inboxMarkAllRead, {}, as)).updated).to.equal(4);
    expect((await call(nc, notifications.inboxUnreadCount, {}, as)).unread).to.equal(0);
    // The other user's items are untouched.
    expect((await call(nc, notifications.inboxUnreadCount, {}, { principal: principal(other.id) })).unread).to.equal(5);
    const anonymous = (await call(nc, notifications.inboxList, {}).catch((e: unknown) => e)) as AppError;
    expect(anonymous.status).to.equal(401);
  });

  it("sends a verification and a welcome email on registration and a reset email on request, whatever the preferences", async () => {
    const id = randomUUID();
    const email = `new-${id.slice(0, 8)}@example.org`;
    const contact = { userId: id, email, displayName: "Новый Пользователь", locale: "ru", timeZone: "Europe/Moscow" };
    await call(h.running.nats.nc, notifications.preferencesSet, {
      kinds: {
        event_published: { in_app: false, email: false, push: false },
        event_updated: { in_app: false, email: false, push: false },
        event_cancelled: { in_app: false, email: false, push: false },
      },
      quietHours: { start: "00:00", end: "23:59" },
      digest: false,
    }, { principal: principal(id) });
    await publishFact(h.running.nats.js, identityEvents.userRegistered, {
      ...contact,
      roles: ["participant"],
      sealedVerificationToken: sealLink("verify_email", email, "vt_abc123"),
    });
    await publishFact(h.running.nats.js, identityEvents.passwordResetRequested, {
      ...contact,
      sealedToken: sealLink("password_reset", email, "rt_xyz789"),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await eventually("three emails", async () => h.smtp.to(email).length === 3);
    const mails = h.smtp.to(email);
    expect(mails.map((m) => m.subject)).to.have.members(["Подтвердите адрес электронной почты", "Добро пожаловать в Convene", "Сброс пароля Convene"]);
    const verify = mails.find((m) => m.subject.startsWith("Подтвердите"))!;
    expect(verify.text).to.contain("https://convene.test/verify-email?token=vt_abc123");
    expect(verify.html.replaceAll("&#x3D;", "=")).to.contain('href="https://convene.test/verify-email?token=vt_abc123"');
    expect(verify.text).to.contain("Новый Пользователь");
    expect(mails.find((m) => m.subject.startsWith("Сброс"))!.text).to.contain("https://convene.test/reset-password?token=rt_xyz789");
    // Transactional mail carries no unsubscribe link, and goes in the user's language.
    for (const m of h.smtp.to(email)) expect(m.headers.has("list-unsubscribe")).to.equal(false);
    expect(mails.every((m) => m.text.length > 0 && m.html.includes("<mjml") === false && m.html.includes("<html"))).to.equal(true);
    expect((await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(id) })).items).to.have.length(0);
  });

  it("mails a new verification link when one is asked for", async () => {
    const id = randomUUID();
    const email = `again-${id.slice(0, 8)}@example.org`;
    await publishFact(h.running.nats.js, identityEvents.verificationRequested, {
      userId: id,
      email,
      displayName: "Again",
      locale: "en",
      timeZone: "UTC",
      sealedToken: sealLink("verify_email", email, "vt_second456"),
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const mail = await eventually("verification email", async () => h.smtp.to(email)[0]);
    expect(mail.subject).to.equal("Confirm your email address");
    expect(mail.text).to.contain("https://convene.test/verify-email?token=vt_second456");
    expect(mail.text).to.contain("Again");
    // Once sent, the message keeps the link without its token and no sealed token either.
    await eventually("sealed token dropped", async () => {
      const rows = await h.db("deliveries as d").join("messages as m", "m.source_id", "d.source_id").where({ "d.user_id": id }).select(
        "d.status",
        "m.link",
        "m.sealed_token",
      );
      return rows.length === 1 && rows[0].status === "sent" && rows[0].sealed_token === null;
    });
    expect((await h.db("deliveries as d").join("messages as m", "m.source_id", "d.source_id").where({ "d.user_id": id }).first("m.link")).link).to.equal(
      "/verify-email",
    );
  });

  it("sends a link email a dead replica had claimed once its lease ends, with the same working token, once", async () => {
    // The state a replica leaves when it dies between claiming the delivery and sending it: the
    // message with its sealed token, the delivery pending under a live lease.
    const id = randomUUID();
    const email = `claimed-${id.slice(0, 8)}@example.org`;
    const sourceId = randomUUID();
    const sealed = sealLink("password_reset", email, "rt_after_the_crash");
    await h.db.transaction(async (trx) => {
      await store.saveMessage(trx, {
        sourceId,
        kind: "password_reset",
        params: { expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
        link: "/reset-password",
        batches: 1,
        sealed: { token: sealed, until: new Date(Date.now() + 3_600_000) },
      });
      await store.insertDeliveries(trx, sourceId, [{ userId: id, channel: "email", address: email, notBefore: new Date() }]);
      await trx("deliveries").where({ source_id: sourceId }).update({ lease_until: trx.raw("now() + interval '2 seconds'") });
    });
    const mail = await eventually("sent after the lease", async () => h.smtp.to(email)[0], 20_000);
    expect(mail.text).to.contain("https://convene.test/reset-password?token=rt_after_the_crash");
    expect(mail.messageId).to.contain(`${sourceId}.${id}@`);
    await eventually(
      "recorded sent, seal dropped",
      async () => (await h.db("messages").where({ source_id: sourceId }).first("sealed_token"))?.sealed_token === null,
    );
    expect((await h.db("deliveries").where({ source_id: sourceId }).first("status")).status).to.equal("sent");
    expect(h.smtp.to(email)).to.have.length(1);
  });

  it("sends no link whose seal expired: the delivery fails saying so, and the seal is dropped", async () => {
    const id = randomUUID();
    const email = `late-${id.slice(0, 8)}@example.org`;
    const contact = { userId: id, email, displayName: "Late", locale: "en", timeZone: "UTC" };
    await publishFact(h.running.nats.js, identityEvents.passwordResetRequested, {
      ...contact,
      sealedToken: sealLink("password_reset", email, "rt_toolate", -1_000),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    // A seal for another address (copied from someone else's event) does not open either.
    await publishFact(h.running.nats.js, identityEvents.verificationRequested, {
      ...contact,
      sealedToken: sealLink("verify_email", "victim@example.org", "vt_notyours"),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const outcome = await eventually("both deliveries failed", async () => {
      const rows = await h.db("deliveries as d").join("messages as m", "m.source_id", "d.source_id").where({ "d.user_id": id }).select(
        "m.kind",
        "d.status",
        "d.last_error",
        "m.sealed_token",
      );
      return rows.length === 2 && rows.every((r) => r.status === "failed" && r.sealed_token === null) ? rows : undefined;
    });
    expect(outcome.find((r) => r.kind === "password_reset")!.last_error).to.match(/expired before the email could be sent; the user asks for a new one/);
    expect(outcome.find((r) => r.kind === "verify_email")!.last_error).to.match(/does not open/);
    expect(h.smtp.to(email)).to.have.length(0);
  });

  it("mails an email change link to the new address and a notice to the current one, leaving the projection on it", async () => {
    const id = randomUUID();
    const current = `current-${id.slice(0, 8)}@example.org`;
    const next = `next-${id.slice(0, 8)}@example.org`;
    await publishFact(h.running.nats.js, identityEvents.emailChangeRequested, {
      userId: id,
      email: current,
      displayName: "Мария",
      locale: "ru",
      timeZone: "Europe/Moscow",
      newEmail: next,
      sealedToken: sealLink("email_change", next, "ec_change789abcdef"),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const mail = await eventually("email change link", async () => h.smtp.to(next)[0]);
    expect(mail.subject).to.equal("Подтвердите новый адрес электронной почты");
    expect(mail.text).to.contain("https://convene.test/confirm-email?token=ec_change789abcdef");
    expect(mail.text).to.contain(next);
    // The current address is told, in the user's language, with no link that changes anything.
    const notice = await eventually("notice to the current address", async () => h.smtp.to(current)[0]);
    expect(notice.subject).to.equal("Адрес почты вашего аккаунта Convene скоро изменится");
    expect(notice.text).to.contain(next);
    expect(notice.text).to.not.contain("ec_change789abcdef");
    expect(h.smtp.to(next)).to.have.length(1);
    expect((await h.db("users").where({ user_id: id }).first("email")).email).to.equal(current);
  });

  it("mails an organization invitation to an address without an account in the inviter's language, and to a known user in theirs", async () => {
    const inviter = randomUUID();
    await publishFact(h.running.nats.js, identityEvents.profileUpdated, {
      userId: inviter,
      email: `inviter-${inviter.slice(0, 8)}@example.org`,
      displayName: "Анна",
      locale: "ru",
      timeZone: "Europe/Moscow",
    });
    const known = randomUUID();
    const knownEmail = `Known-${known.slice(0, 8)}@Example.org`;
    await publishFact(h.running.nats.js, identityEvents.profileUpdated, {
      userId: known,
      email: knownEmail.toLowerCase(),
      displayName: "Known Person",
      locale: "en",
      timeZone: "UTC",
    });
    await eventually("contacts projected", async () => Number((await h.db("users").whereIn("user_id", [inviter, known]).count({ n: "*" }).first())?.n) === 2);
    const stranger = `stranger-${inviter.slice(0, 8)}@example.org`;
    const invitation = (email: string, token: string) => ({
      invitationId: randomUUID(),
      orgId: randomUUID(),
      orgName: "Berlin JS",
      email,
      role: "admin" as const,
      invitedBy: inviter,
      inviterName: "Анна",
      sealedToken: sealLink("org_invitation", email, token),
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const strangerFact = invitation(stranger, "inv_stranger123");
    const fact = await publishFact(h.running.nats.js, identityEvents.orgInvitationCreated, strangerFact);
    await publishFact(h.running.nats.js, identityEvents.orgInvitationCreated, invitation(knownEmail, "inv_known456"));
    const toStranger = await eventually("stranger's invitation", async () => h.smtp.to(stranger)[0]);
    // The subject carries no text the inviter chose (display and organization names are theirs): a phishing line fits there.
    expect(toStranger.subject).to.equal("Вас пригласили в организацию на Convene");
    expect(toStranger.text).to.contain("https://convene.test/invitations/accept?token=inv_stranger123");
    expect(toStranger.text).to.contain("Роль: администратор");
    expect(toStranger.headers.has("list-unsubscribe")).to.equal(false);
    const toKnown = await eventually("known user's invitation", async () => h.smtp.to(knownEmail)[0]);
    expect(toKnown.subject).to.equal("You are invited to an organization on Convene");
    expect(toKnown.text).to.contain("as an admin");
    // Sent as the known user; the stranger under an id derived from the address. No inbox item.
    await eventually(
      "recorded sent to the known user",
      async () => Number((await h.db("deliveries").where({ user_id: known, channel: "email", status: "sent" }).count({ n: "*" }).first())?.n) === 1,
    );
    expect((await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(known) })).items).to.have.length(0);
    // The same fact again under another stream message id (as after a relay crash past the
    // dedup window): handled again, mailed once.
    const envelope = {
      id: fact,
      type: identityEvents.orgInvitationCreated.subject,
      version: identityEvents.orgInvitationCreated.version,
      source: "identity",
      occurredAt: new Date().toISOString(),
      data: strangerFact,
    };
    const replay = await h.running.nats.js.publish(identityEvents.orgInvitationCreated.subject, JSON.stringify(envelope), { msgID: randomUUID() });
    // Wait until the planner has acked the replay, and any job it published was delivered too.
    await eventually("replay handled", async () => {
      const planner = await h.running.nats.jsm.consumers.info("EVENTS", "notifications-planner");
      return planner.ack_floor.stream_seq >= replay.seq;
    });
    await eventually("jobs drained", async () => {
      const deliver = await h.running.nats.jsm.consumers.info("WORK", "notifications-deliver");
      return deliver.num_pending === 0 && deliver.num_ack_pending === 0;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.smtp.to(stranger)).to.have.length(1);
  });
});
