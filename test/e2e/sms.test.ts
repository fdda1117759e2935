/**
 * SMS on the real services, through the edge (issue 17): opt-in with a verified number (a code by
 * SMS; a wrong and an expired code refused), reminders and changes of an event delivered by SMS
 * to the Twilio stand-in once each, delivery receipts posted back through the edge's signed
 * webhook, a number whose receipt says undeliverable suppressed, forged receipts refused, and the
 * per-number and per-user limits on codes. No stand-ins but the SMTP sink, the FCM stand-in and
 * the Twilio stand-in.
 */
import { expect } from "chai";
import { randomInt, randomUUID } from "node:crypto";
import { type Platform, startPlatform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";
import { bookOneSeat, publishFreeEvent } from "../support/journeys.ts";
import { apiRequest, type Reply } from "../support/api.ts";
import { plannerCaughtUp } from "../../services/notifications/test/support/harness.ts";
import { twilioSignature } from "../../services/notifications/channels/sms.ts";
import type { Db } from "../../services/kit/db.ts";
import { pruneSmsMessages } from "../../services/notifications/store/sms.ts";

const fields = (r: Reply): string[] => ((r.body?.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
const newNumber = () => `+4915${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;

describe("SMS notifications through the edge", function () {
  this.timeout(90_000);
  let platform: Platform;
  let db: Db;
  let ip = 0;
  let callbackUrl = "";

  before(async function () {
    this.timeout(180_000);
    platform = await startPlatform({ TRUST_PROXY: "true", NOTIFY_REMINDER_OFFSETS: "4s", SMS_RATE_PER_NUMBER: "4", SMS_CODES_PER_USER_PER_HOUR: "3" });
    db = platform.running.dbs.get("notifications")!;
    callbackUrl = `${platform.base}/v1/notifications/sms/status`;
    // Reminders are timed: the planner first works through what earlier suites left in EVENTS.
    await plannerCaughtUp(platform.running.nats.jsm);
  });
  after(async function () {
    this.timeout(30_000);
    await platform?.stop();
  });

  const api = (method: string, path: string, body?: unknown, token?: string, from = "10.87.0.1"): Promise<Reply> =>
    apiRequest(platform.base, method, path, body, token, from);

  async function account(name: string): Promise<string> {
    const from = `10.87.1.${++ip}`;
    const email = `${name}+${randomUUID()}@example.org`;
    const password = "correct horse battery staple";
    const r = await api("POST", "/v1/auth/register", { email, password, displayName: name, timeZone: "Europe/Berlin", locale: "en" }, undefined, from);
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    return (await api("POST", "/v1/auth/login", { email, password }, undefined, from)).body.accessToken;
  }
  /** The code in the newest SMS to `number`. */
  const codeSentTo = (number: string) => /\b(\d{6})\b/.exec(platform.sms.to(number).at(-1)?.body ?? "")?.[1] ?? "";
  async function setNumber(token: string, number: string): Promise<Reply> {
    return await eventually("notifications to know the user", async () => {
      const r = await api("POST", "/v1/me/phone", { number }, token);
      return r.status !== 409 && r;
    });
  }
  async function smsOn(token: string, kinds: string[]): Promise<Reply> {
    const prefs = (await api("GET", "/v1/me/notification-preferences", undefined, token)).body;
    for (const k of kinds) prefs.kinds[k] = { in_app: true, email: true, push: true, ...prefs.kinds[k], sms: true };
    return api("PUT", "/v1/me/notification-preferences", prefs, token);
  }
  /** A verified number and SMS on for reminders and changes. */
  async function optIn(token: string): Promise<string> {
    const number = newNumber();
    expect((await setNumber(token, number)).status).to.equal(201);
    const ok = await api("POST", "/v1/me/phone/confirm", { code: codeSentTo(number) }, token);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect((await smsOn(token, ["event_reminder", "event_updated", "event_cancelled"])).status).to.equal(200);
    return number;
  }
  const freeEvent = (organizer: string, startsInMs: number) => publishFreeEvent(api, organizer, startsInMs);
  const book = (token: string, eventId: string) => bookOneSeat(api, token, eventId);
  const smsAbout = (number: string, text: string) => platform.sms.to(number).filter((m) => m.body.includes(text));

  it("opts in: a 6-digit code by SMS, kept hashed; a wrong and an expired code refused; SMS switches only with a verified number, only for reminders and changes", async () => {
    const token = await account("opt-in");
    const number = newNumber();

    const early = await smsOn(token, ["event_reminder"]);
    expect(early.status, JSON.stringify(early.body)).to.equal(409);
    expect(fields(early)).to.deep.equal(["kinds.event_reminder.sms"]);
    const malformed = await api("POST", "/v1/me/phone", { number: "0151 2345678" }, token);
    expect(malformed.status).to.equal(400);
    expect(fields(malformed)).to.include("number");

    const set = await setNumber(token, number);
    expect(set.status, JSON.stringify(set.body)).to.equal(201);
    expect(set.body).to.deep.include({ number: null, status: "none" });
    expect(set.body.pending).to.include({ number, attemptsLeft: 5 });
    const code = codeSentTo(number);
    expect(code).to.match(/^\d{6}$/);
    const row = await db("phones").whereRaw("pending_number = ?", [number]).first();
    expect(JSON.stringify(row)).to.not.contain(code);

    const wrong = await api("POST", "/v1/me/phone/confirm", { code: code === "000000" ? "111111" : "000000" }, token);
    expect(wrong.status).to.equal(400);
    expect(fields(wrong)).to.deep.equal(["code"]);
    expect((await api("GET", "/v1/me/phone", undefined, token)).body.pending.attemptsLeft).to.equal(4);

    await db("phones").whereRaw("pending_number = ?", [number]).update({ code_expires_at: new Date(Date.now() - 1_000) });
    const expired = await api("POST", "/v1/me/phone/confirm", { code }, token);
    expect(expired.status).to.equal(400);
    expect(expired.body.detail).to.contain("expired");

    // A new code; the same request retried with its Idempotency-Key is answered again, not re-sent.
    const once = () =>
      fetch(`${platform.base}/v1/me/phone`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": `phone-${number}`, "x-forwarded-for": "10.87.0.1" },
        body: JSON.stringify({ number }),
      });
    expect((await once()).status).to.equal(201);
    const retried = await once();
    expect(retried.status).to.equal(201);
    expect(retried.headers.get("idempotent-replayed")).to.equal("true");
    const fresh = codeSentTo(number);
    expect(platform.sms.to(number)).to.have.length(2);
    const ok = await api("POST", "/v1/me/phone/confirm", { code: fresh }, token);
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body).to.deep.include({ number, status: "verified", pending: null });
    expect((await api("GET", "/v1/me/phone", undefined, token)).body).to.deep.include({ number, status: "verified" });

    const notForBookings = await smsOn(token, ["booking_confirmed"]);
    expect(notForBookings.status).to.equal(400);
    expect(fields(notForBookings)).to.deep.equal(["kinds.booking_confirmed.sms"]);
    const on = await smsOn(token, ["event_reminder", "event_updated", "event_cancelled"]);
    expect(on.status, JSON.stringify(on.body)).to.equal(200);
    expect(on.body.kinds.event_reminder.sms).to.equal(true);

    // The stand-in's signed receipts came back through the edge.
    const sid = platform.sms.to(number)[1].sid;
    await eventually("the code's delivery receipt recorded", async () => (await db("sms_messages").where({ sid }).first())?.status === "delivered", 10_000);
  });

  it("sends a reminder and a change of the event by SMS to the stand-in, once each", async () => {
    const organizer = await account("organizer");
    const attendee = await account("attendee");
    const number = await optIn(attendee);
    const ev = await freeEvent(organizer, 16_000);
    await book(attendee, ev.id);

    const reminder = await eventually("the reminder by SMS", async () => smsAbout(number, ev.title)[0], 30_000);
    expect(reminder.body).to.contain(`/events/${ev.id}`);
    expect(reminder.body.length).to.be.at.most(300);

    const newStart = new Date(Date.now() + 86_400_000).toISOString();
    const moved = await api(
      "PATCH",
      `/v1/events/${ev.id}`,
      { startsAt: newStart, endsAt: new Date(Date.parse(newStart) + 7_200_000).toISOString() },
      organizer,
    );
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    const change = await eventually("the change by SMS", async () => smsAbout(number, `Changed: ${ev.title}`)[0], 30_000);
    expect(change.body).to.contain(`/events/${ev.id}`);

    await eventually(
      "both receipts recorded",
      async () => (await db("sms_messages").whereIn("sid", [reminder.sid, change.sid]).where({ status: "delivered" })).length === 2,
      10_000,
    );
    // One delivery per (notice, channel): the code, the reminder and the change, nothing twice.
    expect(platform.sms.to(number)).to.have.length(3);
    const rows = await db("deliveries").where({ channel: "sms", address: number });
    expect(rows.map((r: { status: string }) => r.status)).to.deep.equal(["sent", "sent"]);
  });

  it("holds an SMS through quiet hours like email and push, and a notice past the number's limit until the window has room", async () => {
    const organizer = await account("organizer");
    const quiet = await account("quiet");
    const busy = await account("busy");
    const quietNumber = await optIn(quiet);
    const busyNumber = await optIn(busy);
    // Quiet hours around now on the user's clock (Europe/Berlin).
    const hm = (offsetMin: number) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
        new Date(Date.now() + offsetMin * 60_000),
      );
    const prefs = (await api("GET", "/v1/me/notification-preferences", undefined, quiet)).body;
    expect((await api("PUT", "/v1/me/notification-preferences", { ...prefs, quietHours: { start: hm(-60), end: hm(120) } }, quiet)).status).to.equal(200);
    // Someone else asks three codes for busy's number: with busy's own code, the number is at its limit (4 an hour).
    const other = await account("other");
    for (let i = 0; i < 3; i++) expect((await setNumber(other, busyNumber)).status).to.equal(201);

    const ev = await freeEvent(organizer, 86_400_000);
    await book(quiet, ev.id);
    await book(busy, ev.id);
    await eventually(
      "notifications to know both attendees",
      async () => (await db("attendances").where({ event_id: ev.id, status: "confirmed" })).length === 2,
      20_000,
    );
    const c = await api("POST", `/v1/events/${ev.id}/cancel`, { reason: "venue flooded" }, organizer);
    expect(c.status).to.equal(200);
    const held = await eventually("the SMS deliveries written", async () => {
      type Row = { address: string; status: string; not_before: Date; attempts: number; last_error: string | null };
      const rows: Row[] = await db("deliveries").where({ channel: "sms" }).whereIn("address", [quietNumber, busyNumber]);
      const byNumber = new Map(rows.map((r) => [r.address, r]));
      const busyRow = byNumber.get(busyNumber);
      return byNumber.size === 2 && Boolean(busyRow?.last_error) && byNumber;
    }, 30_000);
    const q = held.get(quietNumber)!;
    expect(q.status).to.equal("pending");
    expect(new Date(q.not_before).getTime(), "held until the quiet hours end").to.be.greaterThan(Date.now() + 60 * 60_000);
    const b = held.get(busyNumber)!;
    expect(b).to.include({ status: "pending", attempts: 0, last_error: "rate limit of the number" });
    expect(new Date(b.not_before).getTime(), "until the window has room").to.be.greaterThan(Date.now() + 50 * 60_000);
    expect(smsAbout(quietNumber, ev.title)).to.have.length(0);
    expect(smsAbout(busyNumber, ev.title)).to.have.length(0);

    // An event that starts before the window has room: its notice is dropped, not sent late.
    const soon = await freeEvent(organizer, 30 * 60_000);
    await book(busy, soon.id);
    await eventually(
      "notifications to know the attendee",
      async () => (await db("attendances").where({ event_id: soon.id, status: "confirmed" })).length === 1,
      20_000,
    );
    expect((await api("POST", `/v1/events/${soon.id}/cancel`, { reason: "venue flooded" }, organizer)).status).to.equal(200);
    const dropped = await eventually("the late SMS dropped", async () => {
      const rows = await db("deliveries").where({ channel: "sms", address: busyNumber, status: "failed" });
      return rows[0] as { last_error: string } | undefined;
    }, 30_000);
    expect(dropped.last_error).to.contain("after the event's start");
    expect(platform.sms.to(busyNumber)).to.have.length(4);
  });

  it("prunes SMS rows past their use (a week) and keeps the rate window's", async () => {
    const number = newNumber();
    const userId = randomUUID();
    await db("sms_messages").insert([
      { id: randomUUID(), number, user_id: userId, purpose: "code", status: "delivered", created_at: new Date(Date.now() - 8 * 86_400_000) },
      { id: randomUUID(), number, user_id: userId, purpose: "code", status: "delivered", created_at: new Date() },
    ]);
    expect(await pruneSmsMessages(db, 7 * 86_400)).to.be.at.least(1);
    expect(await db("sms_messages").where({ number })).to.have.length(1);
  });

  it("suppresses a number after an undelivered receipt: no more SMS to it until the user verifies a number again", async () => {
    const organizer = await account("organizer");
    const attendee = await account("unreachable");
    const number = await optIn(attendee);
    const first = await freeEvent(organizer, 86_400_000);
    const second = await freeEvent(organizer, 86_400_000);
    await book(attendee, first.id);
    await book(attendee, second.id);
    await eventually(
      "notifications to know the attendee",
      async () => (await db("attendances").whereIn("event_id", [first.id, second.id]).where({ status: "confirmed" })).length === 2,
      20_000,
    );
    platform.sms.fail(number, "undeliverable");

    const c = await api("POST", `/v1/events/${first.id}/cancel`, { reason: "venue flooded" }, organizer);
    expect(c.status, JSON.stringify(c.body)).to.equal(200);
    const sent = await eventually("the cancellation by SMS (accepted)", async () => smsAbout(number, first.title)[0], 30_000);
    await eventually(
      "the undelivered receipt recorded",
      async () => (await db("sms_messages").where({ sid: sent.sid }).first())?.error_code === "30005",
      10_000,
    );
    const state = await eventually("the number suppressed", async () => {
      const r = await api("GET", "/v1/me/phone", undefined, attendee);
      return r.body.status === "suppressed" && r.body;
    });
    expect(state.number).to.equal(number);

    const c2 = await api("POST", `/v1/events/${second.id}/cancel`, { reason: "venue flooded" }, organizer);
    expect(c2.status).to.equal(200);
    // The notice still reaches the inbox; no SMS goes to the suppressed number.
    await eventually("the second cancellation in the inbox", async () => {
      const inbox = await api("GET", "/v1/me/notifications", undefined, attendee);
      return inbox.body.items.some((i: { title: string }) => i.title.includes(second.title));
    }, 30_000);
    expect(platform.sms.requests.get(number)).to.equal(2);

    // A new verified number lifts it.
    const other = newNumber();
    expect((await setNumber(attendee, other)).status).to.equal(201);
    const ok = await api("POST", "/v1/me/phone/confirm", { code: codeSentTo(other) }, attendee);
    expect(ok.body).to.deep.include({ number: other, status: "verified" });
  });

  it("refuses forged receipts (403) and a receipt without a signature (400 naming it); a signed one is taken", async () => {
    const token = await account("forged");
    const number = await optIn(token);
    const sid = platform.sms.to(number)[0].sid;
    await eventually("the code's receipt recorded", async () => (await db("sms_messages").where({ sid }).first())?.status === "delivered", 10_000);
    const post = (form: URLSearchParams, headers: Record<string, string>) =>
      fetch(callbackUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.87.2.1", ...headers },
        body: form.toString(),
      });
    // A forger reports the number undeliverable, to have it suppressed.
    const form = new URLSearchParams({ AccountSid: platform.sms.accountSid, MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30005", To: number });

    const forged = await post(form, { "x-twilio-signature": twilioSignature("not-the-auth-token-0123", callbackUrl, form) });
    expect(forged.status).to.equal(403);
    const otherUrl = await post(form, { "x-twilio-signature": twilioSignature(platform.sms.authToken, `${callbackUrl}?x=1`, form) });
    expect(otherUrl.status).to.equal(403);
    const unsigned = await post(form, {});
    expect(unsigned.status).to.equal(400);
    expect(((await unsigned.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).to.include("signature");
    expect((await api("GET", "/v1/me/phone", undefined, token)).body.status).to.equal("verified");
    expect((await db("sms_messages").where({ sid }).first()).status).to.equal("delivered");

    // Signed with the auth token over the callback URL: taken (an unknown message changes nothing).
    const unknown = new URLSearchParams({ AccountSid: platform.sms.accountSid, MessageSid: `SM${"f".repeat(32)}`, MessageStatus: "delivered", To: number });
    const signed = await post(unknown, { "x-twilio-signature": twilioSignature(platform.sms.authToken, callbackUrl, unknown) });
    expect(signed.status).to.equal(200);
  });

  it("limits codes per number (SMS_RATE_PER_NUMBER=4, whoever asks) and per user (SMS_CODES_PER_USER_PER_HOUR=3)", async () => {
    const a = await account("limit-a");
    const b = await account("limit-b");
    const number = newNumber();
    for (let i = 0; i < 2; i++) expect((await setNumber(a, number)).status).to.equal(201);
    for (let i = 0; i < 2; i++) expect((await setNumber(b, number)).status).to.equal(201);
    const fifth = await api("POST", "/v1/me/phone", { number }, b);
    expect(fifth.status, JSON.stringify(fifth.body)).to.equal(429);
    expect(fields(fifth)).to.deep.equal(["number"]);
    expect(fifth.body.detail).to.contain("this number");
    expect(platform.sms.to(number)).to.have.length(4);

    expect((await setNumber(a, newNumber())).status).to.equal(201);
    const fourth = await api("POST", "/v1/me/phone", { number: newNumber() }, a);
    expect(fourth.status).to.equal(429);
    expect(fourth.body.detail).to.contain("too many codes");
  });
});
