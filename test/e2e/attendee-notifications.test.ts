/**
 * Attendee notifications on the real services, through the edge (issue 17): a booking brings the
 * confirmation email with the ticket's QR code and an .ics a calendar parser reads; reminders fire
 * at start − offset for attendees in two time zones (NOTIFY_REMINDER_OFFSETS=4s); moving the event
 * re-plans them (the old one never fires); cancelling it tells each attendee once and drops the
 * reminders. No stand-ins but the SMTP sink and the FCM stand-in.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { type Platform, startPlatform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";
import { bookOneSeat, publishFreeEvent } from "../support/journeys.ts";
import { apiRequest, type Reply } from "../support/api.ts";
import { mimeParts, parseInvitation } from "../../services/notifications/test/support/mime.ts";
import { plannerCaughtUp } from "../../services/notifications/test/support/harness.ts";

describe("attendee notifications through the edge", function () {
  this.timeout(90_000);
  let platform: Platform;
  let ip = 0;

  before(async function () {
    this.timeout(180_000);
    platform = await startPlatform({ TRUST_PROXY: "true", NOTIFY_REMINDER_OFFSETS: "4s" });
    // The run shares one NATS: reminders are timed, so the planner first works through what
    // earlier suites left in EVENTS.
    await plannerCaughtUp(platform.running.nats.jsm);
  });
  after(async function () {
    this.timeout(30_000);
    await platform?.stop();
  });

  const api = (method: string, path: string, body?: unknown, token?: string, from = "10.89.0.1"): Promise<Reply> =>
    apiRequest(platform.base, method, path, body, token, from);

  async function account(name: string, timeZone: string, locale = "en"): Promise<{ token: string; email: string }> {
    const from = `10.89.1.${++ip}`;
    const email = `${name}+${randomUUID()}@example.org`;
    const password = "correct horse battery staple";
    const r = await api("POST", "/v1/auth/register", { email, password, displayName: name, timeZone, locale }, undefined, from);
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    return { token: (await api("POST", "/v1/auth/login", { email, password }, undefined, from)).body.accessToken, email: email.toLowerCase() };
  }
  const freeEvent = (organizer: string, startsInMs: number) => publishFreeEvent(api, organizer, startsInMs);
  const book = (token: string, eventId: string) => bookOneSeat(api, token, eventId);
  const mails = (to: string, prefix: string) => platform.smtp.to(to).filter((m) => m.subject.startsWith(prefix) || m.subject.includes(prefix));

  it("books → the confirmation email carries the ticket's QR code and an .ics; reminders fire on each attendee's clock, move with the event, and stop when it is cancelled", async () => {
    const organizer = await account("organizer", "Europe/Berlin");
    const berlin = await account("berlin", "Europe/Berlin");
    const almaty = await account("almaty", "Asia/Almaty", "ru");
    // Far enough ahead that both bookings are confirmed before the first reminder is due.
    const ev = await freeEvent(organizer.token, 25_000);
    const orderId = await book(berlin.token, ev.id);
    await book(almaty.token, ev.id);

    const confirmation = await eventually("confirmation email", async () => mails(berlin.email, "Your tickets:")[0], 20_000);
    const parts = mimeParts(confirmation.raw);
    const qr = parts.find((p) => p.type === "image/png")!;
    expect(qr, "the QR image").to.not.equal(undefined);
    expect(confirmation.html).to.contain(`cid:${qr.headers.get("content-id")!.replace(/^<|>$/g, "")}`);
    const ics = parseInvitation(parts.find((p) => p.type === "text/calendar")!.body.toString("utf8"));
    expect(ics.method).to.equal("REQUEST");
    expect(ics.event.uid).to.equal(`${ev.id}@convene`);
    expect(ics.event.startDate.toJSDate().toISOString()).to.equal(ev.startsAt);
    expect(confirmation.text).to.contain(`/me/bookings/${orderId}`);
    await eventually("confirmation in Russian", async () => mails(almaty.email, "Ваши билеты:")[0], 20_000);

    // Move it 6 s later before the first reminder is due: the old one must never fire.
    const newStart = new Date(Date.parse(ev.startsAt) + 6_000).toISOString();
    const moved = await api(
      "PATCH",
      `/v1/events/${ev.id}`,
      { startsAt: newStart, endsAt: new Date(Date.parse(newStart) + 7_200_000).toISOString() },
      organizer.token,
    );
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    const oldDue = Date.parse(ev.startsAt) - 4_000;
    const newDue = Date.parse(newStart) - 4_000;
    const reminderEn = await eventually("reminder (Berlin)", async () => mails(berlin.email, "starts in")[0], 40_000);
    const reminderRu = await eventually("reminder (Almaty)", async () => mails(almaty.email, "начнётся через")[0], 10_000);
    expect(Date.now()).to.be.at.least(newDue);
    expect(reminderEn.text).to.contain("(Europe/Berlin)");
    expect(reminderRu.text).to.contain("(Asia/Almaty)");
    // It told of the new time, and it was the only one (none for the old time, which passed first).
    expect(oldDue).to.be.below(newDue);
    expect(mails(berlin.email, "starts in")).to.have.length(1);
    expect(mails(almaty.email, "начнётся через")).to.have.length(1);
    const changed = await eventually("change notice", async () => mails(berlin.email, "Changed:")[0], 20_000);
    expect(parseInvitation(mimeParts(changed.raw).find((p) => p.type === "text/calendar")!.body.toString("utf8")).event.sequence).to.be.greaterThan(0);
  });

  it("mails each attendee named with an email their own ticket, and the booker all of them", async () => {
    const organizer = await account("organizer-named", "Europe/Berlin");
    const booker = await account("booker-named", "Europe/Berlin");
    const ev = await freeEvent(organizer.token, 3_600_000);
    const friend = `friend+${randomUUID()}@example.org`;
    const order = await eventually("bookings to know the event", async () => {
      const r = await api("POST", "/v1/bookings", {
        eventId: ev.id,
        seats: 2,
        attendees: [{ name: "Booker Self", email: booker.email }, { name: "Frida Friend", email: friend }],
      }, booker.token);
      return r.status === 201 && r;
    });
    expect(order.body.tickets).to.have.length(2);
    const own = await eventually("the booker's confirmation", async () => mails(booker.email, "Your tickets:")[0], 20_000);
    expect(mimeParts(own.raw).filter((p) => p.type === "image/png")).to.have.length(2);
    const theirs = await eventually("the named attendee's own ticket", async () => mails(friend, "Your tickets:")[0], 20_000);
    const parts = mimeParts(theirs.raw);
    expect(parts.filter((p) => p.type === "image/png"), "only their ticket").to.have.length(1);
    expect(theirs.text).to.contain("Frida Friend").and.not.contain("Booker Self");
    expect(parseInvitation(parts.find((p) => p.type === "text/calendar")!.body.toString("utf8")).event.uid).to.equal(`${ev.id}@convene`);
    // Once: the booker, who named themselves, gets no second email of their own ticket.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mails(friend, "Your tickets:")).to.have.length(1);
    expect(mails(booker.email, "Your tickets:")).to.have.length(1);
  });

  it("tells attendees of a cancellation once, with METHOD:CANCEL, and drops their reminders", async () => {
    const organizer = await account("organizer2", "Europe/Berlin");
    const a = await account("attendee", "America/New_York");
    const ev = await freeEvent(organizer.token, 30_000);
    await book(a.token, ev.id);
    await eventually("confirmation", async () => mails(a.email, "Your tickets:")[0], 20_000);
    const c = await api("POST", `/v1/events/${ev.id}/cancel`, { reason: "venue flooded" }, organizer.token);
    expect(c.status, JSON.stringify(c.body)).to.equal(200);
    const notice = await eventually("cancellation notice", async () => mails(a.email, "Cancelled:")[0], 20_000);
    expect(parseInvitation(mimeParts(notice.raw).find((p) => p.type === "text/calendar")!.body.toString("utf8")).method).to.equal("CANCEL");
    // Bookings cancels the order because the event was cancelled: that says nothing more.
    const db = platform.running.dbs.get("notifications")!;
    await eventually(
      "the order's cancellation projected",
      async () => (await db("attendances").where({ event_id: ev.id, status: "cancelled" })).length === 1,
      20_000,
    );
    await eventually(
      "reminders dropped",
      async () =>
        (await db("timers").where({ kind: "notifications.reminder" }).andWhere("key", "like", `%`).whereRaw("payload->>'eventId' = ?", [ev.id])).length === 0,
    );
    expect(mails(a.email, "Cancelled:")).to.have.length(1);
    expect(mails(a.email, "Booking cancelled")).to.have.length(0);
  });
});
