import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { call } from "../../kit/call.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { bookingEvents } from "../../../subjects/bookings.ts";
import { notifications } from "../../../subjects/notifications.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { derivedId } from "../ids.ts";
import { type Harness, makeUser, plannerCaughtUp, principal, startHarness, type TestUser } from "./support/harness.ts";
import { eventFacts, publishFact } from "./support/facts.ts";

/**
 * Reminders on the kit's timers with a short offset (NOTIFY_REMINDER_OFFSETS=3s): an event that
 * starts a few seconds from now is reminded of 3 s before, and the tests watch the real thing
 * fire (or not) instead of faking a clock.
 */
describe("notifications: reminders before an event", function () {
  this.timeout(30_000);
  const OFFSET_MS = 3_000;
  let h: Harness;
  // A run shares one NATS: the planner first works through what earlier suites left in EVENTS.
  before(async function () {
    this.timeout(150_000);
    h = await startHarness({ NOTIFY_REMINDER_OFFSETS: "3s" });
    await plannerCaughtUp(h.running.nats.jsm);
  });
  after(async () => {
    await h?.stop();
  });

  const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();

  async function anEvent(startsInMs: number) {
    const facts = eventFacts(randomUUID(), null, { startsAt: at(startsInMs), endsAt: at(startsInMs + 3_600_000) });
    await publishFact(h.running.nats.js, eventEvents.published, facts);
    await eventually("event projected", async () => h.db("events").where({ event_id: facts.eventId }).first());
    return facts;
  }

  async function book(user: TestUser, eventId: string): Promise<string> {
    const orderId = randomUUID();
    await publishFact(h.running.nats.js, bookingEvents.confirmed, {
      orderId,
      eventId,
      userId: user.id,
      status: "confirmed",
      totalMinor: 0,
      currency: null,
      seats: 1,
      occurredAt: new Date().toISOString(),
      paymentId: null,
    });
    await eventually("order projected", async () => h.db("attendances").where({ order_id: orderId }).first());
    return orderId;
  }

  const reminders = (u: TestUser) => h.smtp.to(u.email).filter((m) => /starts in|начнётся через/.test(m.subject));
  const timersOf = (orderId: string) =>
    h.db("timers").where({ kind: "notifications.reminder" }).andWhere("key", "like", `${orderId}:%`).select("key", "due_at");

  it("reminds each attendee once per channel at start − offset, in their own language and time zone, unless they turned reminders off", async () => {
    const berlin = await makeUser(h, { timeZone: "Europe/Berlin" });
    const almaty = await makeUser(h, { locale: "ru", timeZone: "Asia/Almaty" });
    const off = await makeUser(h, { device: false });
    await call(h.running.nats.nc, notifications.preferencesSet, {
      kinds: {
        event_published: { in_app: true, email: true, push: true },
        event_updated: { in_app: true, email: true, push: true },
        event_cancelled: { in_app: true, email: true, push: true },
        event_reminder: { in_app: false, email: false, push: false },
      },
      quietHours: null,
      digest: false,
    }, { principal: principal(off.id) });
    const ev = await anEvent(6_000);
    const due = new Date(ev.startsAt).getTime() - OFFSET_MS;
    // Two orders of one user: still one reminder.
    for (const u of [berlin, almaty, off]) await book(u, ev.eventId);
    await book(berlin, ev.eventId);

    const en = await eventually("reminder to Berlin", async () => reminders(berlin)[0], 15_000);
    const ru = await eventually("reminder to Almaty", async () => reminders(almaty)[0], 15_000);
    expect(en.subject).to.equal(`${ev.title} starts in 3 seconds`);
    expect(en.text).to.contain("(Europe/Berlin)");
    expect(ru.subject).to.equal(`${ev.title} начнётся через 3 секунды`);
    expect(ru.text).to.contain("(Asia/Almaty)");
    const reminderPushes = (u: TestUser) => h.fcm.to(u.token).filter((m) => m.data?.kind === "event_reminder");
    await eventually("pushes", async () => reminderPushes(berlin).length === 1 && reminderPushes(almaty).length === 1);
    const inbox = await call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(berlin.id) });
    expect(inbox.items.map((i) => i.kind)).to.include("event_reminder");
    // Exactly once: everything settled, and the timers are gone.
    await eventually("all sent", async () => {
      const rows = await h.db("deliveries").where({ source_id: derivedId("reminder", ev.eventId, ev.startsAt, 3) }).select("status");
      return rows.length === 4 && rows.every((r: { status: string }) => r.status === "sent");
    });
    // Not before its time (the timer fired at start − offset; sent_at is the database's clock).
    const sent = await h.db("deliveries").where({ source_id: derivedId("reminder", ev.eventId, ev.startsAt, 3) }).select("sent_at");
    for (const d of sent) expect(new Date(d.sent_at).getTime()).to.be.at.least(due - 50);
    expect(reminders(berlin)).to.have.length(1);
    expect(reminders(almaty)).to.have.length(1);
    expect(reminderPushes(berlin)).to.have.length(1);
    expect(reminders(off)).to.have.length(0);
    expect(await h.db("inbox").where({ user_id: off.id, kind: "event_reminder" })).to.have.length(0);
  });

  it("re-plans when the event moves: the reminder for the old time never fires, the one for the new time does", async () => {
    const user = await makeUser(h, { device: false });
    const ev = await anEvent(7_000);
    const orderId = await book(user, ev.eventId);
    const oldDue = new Date(ev.startsAt).getTime() - OFFSET_MS;
    const moved = { ...ev, startsAt: new Date(new Date(ev.startsAt).getTime() + 4_000).toISOString(), sequence: 1 };
    await publishFact(h.running.nats.js, eventEvents.updated, { ...moved, changed: ["startsAt"], previous: { startsAt: ev.startsAt } });
    await eventually("timer re-planned", async () => {
      const [t] = await timersOf(orderId);
      return t && new Date(t.due_at).getTime() === new Date(moved.startsAt).getTime() - OFFSET_MS;
    });
    expect(Date.now(), "the move was projected before the old reminder was due").to.be.below(oldDue);
    const mail = await eventually("the reminder for the new time", async () => reminders(user)[0], 15_000);
    expect(Date.now()).to.be.at.least(new Date(moved.startsAt).getTime() - OFFSET_MS);
    expect(reminders(user)).to.have.length(1);
    expect(mail.messageId).to.contain(derivedId("reminder", ev.eventId, moved.startsAt, 3));
    expect(await h.db("messages").where({ source_id: derivedId("reminder", ev.eventId, ev.startsAt, 3) })).to.have.length(0);
  });

  it("drops the reminders when the event is cancelled, and when the booking is", async () => {
    const a = await makeUser(h, { device: false });
    const b = await makeUser(h, { device: false });
    const ev = await anEvent(5_000);
    const other = await anEvent(5_000);
    const orderA = await book(a, ev.eventId);
    const orderB = await book(b, other.eventId);
    expect(await timersOf(orderA)).to.have.length(1);
    expect(await timersOf(orderB)).to.have.length(1);
    await publishFact(h.running.nats.js, eventEvents.cancelled, { ...ev, status: "cancelled", sequence: 1, reason: "venue flooded" });
    await publishFact(h.running.nats.js, bookingEvents.cancelled, {
      orderId: orderB,
      eventId: other.eventId,
      userId: b.id,
      status: "cancelled",
      totalMinor: 0,
      currency: null,
      seats: 1,
      occurredAt: new Date().toISOString(),
      reason: "attendee",
      refundDueMinor: 0,
      paymentId: null,
    });
    await eventually("timers dropped", async () => (await timersOf(orderA)).length === 0 && (await timersOf(orderB)).length === 0);
    // Past the time they were due, nothing fired.
    const due = new Date(ev.startsAt).getTime() - OFFSET_MS;
    await eventually("past the old due time", async () => Date.now() > due + 1_000, 10_000, 100);
    expect(reminders(a)).to.have.length(0);
    expect(reminders(b)).to.have.length(0);
    expect(
      await h.db("messages").whereIn("source_id", [derivedId("reminder", ev.eventId, ev.startsAt, 3), derivedId("reminder", other.eventId, other.startsAt, 3)]),
    ).to.have.length(0);
  });

  it("follows the offsets the event's organizer set (re-planning what was planned), refuses anyone else, and goes back to the default on null", async () => {
    const user = await makeUser(h, { device: false });
    const ev = await anEvent(8_000);
    const orderId = await book(user, ev.eventId);
    expect((await timersOf(orderId)).map((t: { key: string }) => t.key)).to.deep.equal([`${orderId}:3`]);
    const set = (offsets: string[] | null, as = principal(ev.organizerId)) =>
      call(h.running.nats.nc, notifications.remindersSet, { eventId: ev.eventId, offsets }, { principal: as });
    const refused = (await set(["5s"], principal(user.id)).catch((e: unknown) => e)) as { status: number };
    expect(refused.status).to.equal(403);
    const unknown =
      (await call(h.running.nats.nc, notifications.remindersSet, { eventId: randomUUID(), offsets: ["5s"] }, { principal: principal(user.id) }).catch((
        e: unknown,
      ) => e)) as { status: number };
    expect(unknown.status).to.equal(404);
    expect(await set(["5s"])).to.deep.equal({ eventId: ev.eventId, offsets: ["5s"], custom: true });
    expect((await timersOf(orderId)).map((t: { key: string }) => t.key)).to.deep.equal([`${orderId}:5`]);
    const mail = await eventually("the reminder 5 s before", async () => reminders(user)[0], 15_000);
    expect(mail.subject).to.equal(`${ev.title} starts in 5 seconds`);
    expect(Date.now()).to.be.at.least(new Date(ev.startsAt).getTime() - 5_000);
    expect(await set(null)).to.deep.equal({ eventId: ev.eventId, offsets: ["3s"], custom: false });
  });
});
