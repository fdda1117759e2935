import { expect } from "chai";
import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { call } from "../../kit/call.ts";
import { endpoint, serve, type Served } from "../../kit/serve.ts";
import { createLogger } from "../../kit/log.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { bookingEvents, bookings, waitlistEvents } from "../../../subjects/bookings.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { notifications } from "../../../subjects/notifications.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { followUser, type Harness, makeUser, plannerCaughtUp, principal, projected, startHarness, type TestUser } from "./support/harness.ts";
import { eventFacts, publishFact } from "./support/facts.ts";
import { mimeParts, parseInvitation } from "./support/mime.ts";

/** A whole minute some hours from now (iCalendar times have seconds, no fractions). */
const inFuture = (hours: number) => new Date(Math.ceil((Date.now() + hours * 3_600_000) / 60_000) * 60_000).toISOString();

describe("notifications: attendees (tickets, payments, waitlist)", function () {
  this.timeout(30_000);
  let h: Harness;
  let stub: Served;
  /** The tickets svc.bookings.tickets.for-order answers, by order. */
  const orders = new Map<string, { eventId: string; userId: string; names: string[] }>();
  const asked: string[] = [];

  // A run shares one NATS: the planner first works through what earlier suites left in EVENTS.
  before(async function () {
    this.timeout(150_000);
    h = await startHarness();
    stub = await serve(h.running.nats.nc, {
      name: "bookings-stub",
      version: "0.0.1",
      description: "tickets for the notifications tests",
      log: createLogger({ name: "stub", level: "silent" }),
    }, [
      endpoint(bookings.ticketsForOrder, async (i) => {
        asked.push(i.orderId);
        const o = orders.get(i.orderId)!;
        const tickets = await Promise.all(
          o.names.map(async (name, n) => {
            const code = `code-${i.orderId}-${n}`;
            return {
              ticket: {
                id: randomUUID(),
                orderId: i.orderId,
                eventId: o.eventId,
                ticketTypeId: randomUUID(),
                ticketTypeName: "Standard",
                attendeeName: name,
                attendeeEmail: null,
                status: "valid" as const,
                checkedInAt: null,
              },
              code,
              qrPngBase64: (await QRCode.toBuffer(code, { type: "png" })).toString("base64"),
              qrSvg: await QRCode.toString(code, { type: "svg" }),
            };
          }),
        );
        return { orderId: i.orderId, eventId: o.eventId, userId: o.userId, status: "confirmed" as const, tickets };
      }),
    ]);
    await plannerCaughtUp(h.running.nats.jsm);
  });
  after(async () => {
    await stub?.stop();
    await h?.stop();
  });

  /** A published event notifications has projected. */
  async function anEvent(over: Record<string, unknown> = {}) {
    const facts = eventFacts(randomUUID(), null, { startsAt: inFuture(48), endsAt: inFuture(50), ...over });
    await publishFact(h.running.nats.js, eventEvents.published, facts);
    await eventually("event projected", async () => h.db("events").where({ event_id: facts.eventId }).first());
    return facts;
  }

  function confirmed(user: TestUser, eventId: string, names: string[]) {
    const orderId = randomUUID();
    orders.set(orderId, { eventId, userId: user.id, names });
    const data = {
      orderId,
      eventId,
      userId: user.id,
      status: "confirmed" as const,
      totalMinor: 5000,
      currency: "EUR",
      seats: names.length,
      occurredAt: new Date().toISOString(),
      paymentId: null,
    };
    return { orderId, data };
  }

  const inbox = (u: TestUser) => call(h.running.nats.nc, notifications.inboxList, {}, { principal: principal(u.id) });

  describe("evt.booking.confirmed", () => {
    it("emails the tickets once (QR inline by cid, the event as an .ics REQUEST in its time zone), pushes once and adds one inbox item", async () => {
      const user = await makeUser(h, { timeZone: "America/New_York" });
      const ev = await anEvent();
      const { orderId, data } = confirmed(user, ev.eventId, ["Grace Hopper", "Alan Turing"]);
      await publishFact(h.running.nats.js, bookingEvents.confirmed, data);

      const mail = await eventually("confirmation email", async () => h.smtp.to(user.email)[0]);
      expect(mail.subject).to.equal(`Your tickets: ${ev.title}`);
      const parts = mimeParts(mail.raw);
      // Inline QR images, one per ticket, each shown by the HTML through its Content-ID.
      const images = parts.filter((p) => p.type === "image/png");
      expect(images).to.have.length(2);
      for (const img of images) {
        const cid = img.headers.get("content-id")!.replace(/^<|>$/g, "");
        expect(mail.html).to.contain(`cid:${cid}`);
        expect(img.body.subarray(1, 4).toString()).to.equal("PNG");
      }
      expect(mail.text).to.contain("Grace Hopper").and.contain("Alan Turing");
      // The event for the calendar: an iTIP REQUEST with a stable UID, in the event's zone.
      const cal = parts.find((p) => p.type === "text/calendar")!;
      expect(cal, "a text/calendar part").to.not.equal(undefined);
      expect(cal.headers.get("content-type")).to.match(/method=REQUEST/i);
      const { method, event, vevent } = parseInvitation(cal.body.toString("utf8"));
      expect(method).to.equal("REQUEST");
      expect(event.uid).to.equal(`${ev.eventId}@convene`);
      expect(event.sequence).to.equal(0);
      expect(event.summary).to.equal(ev.title);
      expect(String(vevent.getFirstProperty("dtstart")!.getParameter("tzid"))).to.equal("Europe/Berlin");
      expect(event.startDate.toJSDate().toISOString()).to.equal(ev.startsAt);
      expect(event.endDate.toJSDate().toISOString()).to.equal(ev.endsAt);
      expect(String(vevent.getFirstPropertyValue("attendee"))).to.equal(`mailto:${user.email}`);
      expect(event.location).to.equal(`${ev.venue!.name}, ${ev.venue!.address}`);

      const push = await eventually("push", async () => h.fcm.to(user.token)[0]);
      expect(push.notification?.title).to.equal(`You're going: ${ev.title}`);
      const items = await eventually("inbox item", async () => ((await inbox(user)).items.length ? (await inbox(user)).items : undefined));
      expect(items.map((i) => i.kind)).to.deep.equal(["booking_confirmed"]);
      expect(items[0].link).to.equal(`/me/bookings/${orderId}`);

      // Exactly once per channel, whatever redeliveries and the scheduler do meanwhile.
      await eventually("email and push recorded sent", async () => {
        const rows = await h.db("deliveries").where({ user_id: user.id }).select("status");
        return rows.length === 2 && rows.every((r: { status: string }) => r.status === "sent");
      });
      expect(h.smtp.to(user.email)).to.have.length(1);
      expect(h.fcm.to(user.token)).to.have.length(1);
      // Bookings is asked twice: by the planner (who is named on the tickets, tell-named-attendees.ts)
      // and by the sender (the QR codes, never stored).
      expect(asked.filter((o) => o === orderId)).to.have.length(2);
    });

    it("waits for a booker whose account fact is handled just after the booking", async () => {
      const ev = await anEvent();
      const id = randomUUID();
      const late: TestUser = { id, email: `late-${id.slice(0, 8)}@example.org`, token: `tok-${id}`, name: "Late" };
      const { data } = confirmed(late, ev.eventId, ["Late"]);
      await publishFact(h.running.nats.js, bookingEvents.confirmed, data);
      await publishFact(h.running.nats.js, identityEvents.profileUpdated, {
        userId: id,
        email: late.email,
        displayName: late.name,
        locale: "en",
        timeZone: "UTC",
      });
      const mail = await eventually("confirmation email", async () => h.smtp.to(late.email)[0], 20_000);
      expect(mail.subject).to.equal(`Your tickets: ${ev.title}`);
    });

    it("renders in the booker's locale and plans the reminders of the order", async () => {
      const user = await makeUser(h, { locale: "ru", timeZone: "Asia/Almaty", device: false });
      const ev = await anEvent();
      const { orderId, data } = confirmed(user, ev.eventId, ["Ада"]);
      await publishFact(h.running.nats.js, bookingEvents.confirmed, data);
      const mail = await eventually("confirmation email", async () => h.smtp.to(user.email)[0]);
      expect(mail.subject).to.equal(`Ваши билеты: ${ev.title}`);
      expect(mail.text).to.contain("(Asia/Almaty)");
      const timers = await h.db("timers").where({ kind: "notifications.reminder" }).andWhere("key", "like", `${orderId}:%`).orderBy("due_at").select(
        "key",
        "due_at",
      );
      expect(timers.map((t: { key: string }) => t.key)).to.deep.equal([`${orderId}:86400`, `${orderId}:3600`]);
      expect(new Date(timers[1].due_at).getTime()).to.equal(new Date(ev.startsAt).getTime() - 3_600_000);
    });
  });

  describe("payments, waitlist offers, expired and cancelled bookings", () => {
    it("tells the payer of a payment succeeded (receipt link), failed and refunded, each on every channel once", async () => {
      const user = await makeUser(h);
      const ev = await anEvent();
      const orderId = randomUUID();
      const paymentId = randomUUID();
      const base = {
        paymentId,
        orderId,
        eventId: ev.eventId,
        userId: user.id,
        amountMinor: 5000,
        currency: "EUR",
        refundedMinor: 0,
        occurredAt: new Date().toISOString(),
      };
      await publishFact(h.running.nats.js, paymentEvents.failed, { ...base, status: "failed", reason: "declined by the bank" });
      await publishFact(h.running.nats.js, paymentEvents.succeeded, { ...base, status: "succeeded", receiptNumber: "R-1-000042" });
      await publishFact(h.running.nats.js, paymentEvents.refunded, {
        ...base,
        status: "partially_refunded",
        refundedMinor: 2000,
        refundId: randomUUID(),
        refundAmountMinor: 2000,
      });
      await eventually("three emails", async () => h.smtp.to(user.email).length === 3);
      const bySubject = new Map(h.smtp.to(user.email).map((m) => [m.subject, m]));
      const ok = bySubject.get(`Payment received: ${ev.title}`)!;
      expect(ok.text).to.contain("€50.00").and.contain("R-1-000042").and.contain(`https://convene.test/v1/payments/${paymentId}/receipt.pdf`);
      expect(bySubject.get(`Payment failed: ${ev.title}`)!.text).to.contain("declined by the bank");
      expect(bySubject.get(`Refund: ${ev.title}`)!.text).to.contain("€20.00");
      await eventually("three pushes", async () => h.fcm.to(user.token).length === 3);
      const kinds = (await eventually("three inbox items", async () => ((await inbox(user)).items.length === 3 ? (await inbox(user)).items : undefined))).map((
        i,
      ) => i.kind);
      expect(kinds.sort()).to.deep.equal(["payment_failed", "payment_refunded", "payment_succeeded"]);
    });

    it("offers waitlisted seats with accept and decline links and the deadline on the user's clock", async () => {
      const user = await makeUser(h, { timeZone: "Europe/London", device: false });
      const ev = await anEvent();
      const entryId = randomUUID();
      await publishFact(h.running.nats.js, waitlistEvents.offered, {
        entryId,
        eventId: ev.eventId,
        userId: user.id,
        seats: 2,
        expiresAt: "2030-01-10T12:00:00.000Z",
        occurredAt: new Date().toISOString(),
      });
      const mail = await eventually("offer email", async () => h.smtp.to(user.email)[0]);
      expect(mail.subject).to.equal(`Seats for you: ${ev.title}`);
      expect(mail.text).to.contain(`https://convene.test/events/${ev.eventId}?offer=${entryId}&answer=accept`);
      expect(mail.text).to.contain(`https://convene.test/events/${ev.eventId}?offer=${entryId}&answer=decline`);
      expect(mail.text).to.contain("January 10, 2030 at 12:00 PM (Europe/London)");
    });

    it("tells of an expired hold and of a cancellation with its refund, but not of one the event's cancellation caused", async () => {
      const user = await makeUser(h, { device: false });
      const ev = await anEvent();
      const common = { eventId: ev.eventId, userId: user.id, totalMinor: 5000, currency: "EUR", seats: 1, occurredAt: new Date().toISOString() };
      await publishFact(h.running.nats.js, bookingEvents.expired, { ...common, orderId: randomUUID(), status: "expired" });
      await publishFact(h.running.nats.js, bookingEvents.cancelled, {
        ...common,
        orderId: randomUUID(),
        status: "cancelled",
        reason: "attendee",
        refundDueMinor: 5000,
        paymentId: randomUUID(),
      });
      const silent = await publishFact(h.running.nats.js, bookingEvents.cancelled, {
        ...common,
        orderId: randomUUID(),
        status: "cancelled",
        reason: "event_cancelled",
        refundDueMinor: 5000,
        paymentId: randomUUID(),
      });
      await eventually("two emails", async () => h.smtp.to(user.email).length === 2);
      const subjects = h.smtp.to(user.email).map((m) => m.subject).sort();
      expect(subjects).to.deep.equal([`Booking cancelled: ${ev.title}`, `Your hold expired: ${ev.title}`]);
      const cancelled = h.smtp.to(user.email).find((m) => m.subject.startsWith("Booking cancelled"))!;
      expect(cancelled.text).to.contain("You cancelled it.").and.contain("A refund of €50.00");
      // No order of theirs attends any more: the event leaves their calendar.
      const cal = mimeParts(cancelled.raw).find((p) => p.type === "text/calendar")!;
      expect(parseInvitation(cal.body.toString("utf8")).method).to.equal("CANCEL");
      await eventually("the third fact handled", async () => h.db("processed_messages").where({ message_id: silent }).first());
      expect(h.smtp.to(user.email)).to.have.length(2);
    });
  });

  describe("changes of an event they attend", () => {
    const calendarOf = (m: { raw: string }) => {
      const part = mimeParts(m.raw).find((p) => p.type === "text/calendar");
      return part ? parseInvitation(part.body.toString("utf8")) : undefined;
    };

    it("tells attendees and followers of a move and of the cancellation, once per channel for one who is both; attendees get the .ics update (SEQUENCE up) and then METHOD:CANCEL", async () => {
      const organizer = await makeUser(h, { device: false });
      const both = await makeUser(h);
      const attendee = await makeUser(h);
      const follower = await makeUser(h);
      for (const u of [both, follower]) await followUser(h, u.id, { kind: "user", id: organizer.id });
      await projected(h, [organizer.id, both.id, attendee.id, follower.id], 2, { kind: "user", id: organizer.id });
      const facts = eventFacts(organizer.id, null, { startsAt: inFuture(48), endsAt: inFuture(50) });
      await publishFact(h.running.nats.js, eventEvents.published, facts);
      await eventually("event projected", async () => h.db("events").where({ event_id: facts.eventId }).first());
      for (const u of [both, attendee]) {
        // Two orders for one of them: still one notice.
        for (let i = 0; i < (u === both ? 2 : 1); i++) {
          const { orderId, data } = confirmed(u, facts.eventId, [u.name]);
          await publishFact(h.running.nats.js, bookingEvents.confirmed, data);
          await eventually("order projected", async () => h.db("attendances").where({ order_id: orderId }).first());
        }
      }
      const kindOf = (u: TestUser, subject: string) => h.smtp.to(u.email).filter((m) => m.subject.startsWith(subject));
      const pushes = (u: TestUser, kind: string) => h.fcm.to(u.token).filter((m) => m.data?.kind === kind);

      const moved = { ...facts, startsAt: inFuture(72), endsAt: inFuture(74), sequence: 1 };
      await publishFact(h.running.nats.js, eventEvents.updated, {
        ...moved,
        changed: ["startsAt", "endsAt"],
        previous: { startsAt: facts.startsAt, endsAt: facts.endsAt },
      });
      await eventually("change emails", async () => [both, attendee, follower].every((u) => kindOf(u, "Changed:").length === 1));
      for (const u of [both, attendee]) {
        const cal = calendarOf(kindOf(u, "Changed:")[0])!;
        expect(cal, `an .ics for ${u.name}`).to.not.equal(undefined);
        expect(cal.method).to.equal("REQUEST");
        expect(cal.event.uid).to.equal(`${facts.eventId}@convene`);
        expect(cal.event.sequence).to.equal(1);
        expect(cal.event.startDate.toJSDate().toISOString()).to.equal(moved.startsAt);
      }
      expect(calendarOf(kindOf(follower, "Changed:")[0]), "no .ics for a follower who did not book").to.equal(undefined);
      await eventually("change pushes", async () => [both, attendee, follower].every((u) => pushes(u, "event_updated").length === 1));

      await publishFact(h.running.nats.js, eventEvents.cancelled, { ...moved, status: "cancelled", sequence: 2, reason: "venue flooded" });
      await eventually("cancellation emails", async () => [both, attendee, follower].every((u) => kindOf(u, "Cancelled:").length === 1));
      for (const u of [both, attendee]) {
        const cal = calendarOf(kindOf(u, "Cancelled:")[0])!;
        expect(cal.method).to.equal("CANCEL");
        expect(cal.event.uid).to.equal(`${facts.eventId}@convene`);
        expect(cal.event.sequence).to.equal(2);
        expect(String(cal.vevent.getFirstPropertyValue("status"))).to.equal("CANCELLED");
      }
      await eventually("cancellation pushes", async () => [both, attendee, follower].every((u) => pushes(u, "event_cancelled").length === 1));
      // Settled: every delivery of both notices sent, and still one per channel.
      await eventually("all sent", async () => {
        const rows = await h.db("deliveries").whereIn("user_id", [both.id, attendee.id, follower.id]).whereIn(
          "source_id",
          h.db("messages").select("source_id").whereIn("kind", ["event_updated", "event_cancelled"]),
        ).select("status");
        return rows.length === 12 && rows.every((r: { status: string }) => r.status === "sent");
      });
      for (const u of [both, attendee, follower]) {
        expect(kindOf(u, "Changed:")).to.have.length(1);
        expect(kindOf(u, "Cancelled:")).to.have.length(1);
        expect(pushes(u, "event_updated")).to.have.length(1);
        expect(pushes(u, "event_cancelled")).to.have.length(1);
        const kinds = (await inbox(u)).items.map((i) => i.kind).filter((k) => k === "event_updated" || k === "event_cancelled");
        expect(kinds.sort(), u.name).to.deep.equal(["event_cancelled", "event_updated"]);
      }
    });

    it("tells the attendees of a private event of a change, and not its organizer's followers", async () => {
      const organizer = await makeUser(h, { device: false });
      const attendee = await makeUser(h, { device: false });
      const follower = await makeUser(h, { device: false });
      await followUser(h, follower.id, { kind: "user", id: organizer.id });
      await projected(h, [organizer.id, attendee.id, follower.id], 1, { kind: "user", id: organizer.id });
      const facts = eventFacts(organizer.id, null, { visibility: "private", startsAt: inFuture(48), endsAt: inFuture(50) });
      await publishFact(h.running.nats.js, eventEvents.published, facts);
      await eventually("event projected", async () => h.db("events").where({ event_id: facts.eventId }).first());
      const { orderId, data } = confirmed(attendee, facts.eventId, [attendee.name]);
      await publishFact(h.running.nats.js, bookingEvents.confirmed, data);
      await eventually("order projected", async () => h.db("attendances").where({ order_id: orderId }).first());
      const change = await publishFact(h.running.nats.js, eventEvents.updated, {
        ...facts,
        venue: null,
        onlineUrl: "https://meet.example.org/x",
        sequence: 1,
        changed: ["venue", "onlineUrl"],
        previous: { venue: facts.venue, onlineUrl: null },
      });
      const mail = await eventually("change email", async () => h.smtp.to(attendee.email).find((m) => m.subject.startsWith("Changed:")));
      expect(mail.text).to.contain("https://meet.example.org/x");
      expect(calendarOf(mail)!.event.location).to.equal("https://meet.example.org/x");
      await eventually("change handled", async () => h.db("processed_messages").where({ message_id: change }).first());
      await eventually(
        "the attendee's batch done",
        async () => (await h.db("deliveries").where({ source_id: change, user_id: attendee.id, status: "sent" })).length === 1,
      );
      expect(await h.db("deliveries").where({ source_id: change, user_id: follower.id })).to.have.length(0);
      expect(await h.db("inbox").where({ source_id: change, user_id: follower.id })).to.have.length(0);
    });
  });

  describe("svc.notifications.notices.send", () => {
    const admin = () => principal(randomUUID(), ["admin"]);

    it("sends an admin's message to a list on the channels asked for, once per key, and lists the users it does not know", async () => {
      const a = await makeUser(h);
      const b = await makeUser(h, { locale: "ru" });
      const stranger = randomUUID();
      await eventually("users projected", async () => (await h.db("users").whereIn("user_id", [a.id, b.id])).length === 2);
      const by = admin();
      const input = {
        userIds: [a.id, b.id, stranger],
        channels: ["in_app" as const, "email" as const],
        title: "Venue change",
        message: "Doors open at 18:30.",
        link: "/events",
        idempotencyKey: `k-${randomUUID()}`,
      };
      const first = await call(h.running.nats.nc, notifications.noticesSend, input, { principal: by });
      expect(first.recipients).to.equal(2);
      expect(first.skipped).to.deep.equal([stranger]);
      const again = await call(h.running.nats.nc, notifications.noticesSend, input, { principal: by });
      expect(again.notificationId).to.equal(first.notificationId);
      await eventually("emails", async () => h.smtp.to(a.email).length === 1 && h.smtp.to(b.email).length === 1);
      expect(h.smtp.to(a.email)[0].subject).to.equal("Venue change");
      expect(h.smtp.to(a.email)[0].text).to.contain("Doors open at 18:30.");
      const items = (await inbox(b)).items;
      expect(items.map((i) => [i.kind, i.title, i.body])).to.deep.equal([["announcement", "Venue change", "Doors open at 18:30."]]);
      await eventually("sent", async () => (await h.db("deliveries").where({ source_id: first.notificationId, status: "sent" })).length === 2);
      expect(h.fcm.to(a.token)).to.have.length(0);
      expect(h.smtp.to(a.email)).to.have.length(1);
      const reused =
        (await call(h.running.nats.nc, notifications.noticesSend, { ...input, message: "Something else" }, { principal: by }).catch((e: unknown) => e)) as {
          status: number;
        };
      expect(reused.status).to.equal(409);
    });

    it("refuses a caller who is not an admin, and kinds or channels it does not know", async () => {
      const u = await makeUser(h, { device: false });
      const base = { userIds: [u.id], title: "t", message: "m", idempotencyKey: "k1" };
      const notAdmin = (await call(h.running.nats.nc, notifications.noticesSend, base, { principal: principal(u.id) }).catch((e: unknown) => e)) as {
        status: number;
      };
      expect(notAdmin.status).to.equal(403);
      const badChannel =
        (await call(h.running.nats.nc, notifications.noticesSend, { ...base, channels: ["sms"] } as unknown as typeof base, { principal: admin() }).catch((
          e: unknown,
        ) => e)) as { status: number; message: string };
      expect(badChannel.status).to.equal(400);
      const badKind =
        (await call(h.running.nats.nc, notifications.noticesSend, { ...base, kind: "booking_confirmed" } as unknown as typeof base, { principal: admin() })
          .catch((e: unknown) => e)) as { status: number };
      expect(badKind.status).to.equal(400);
    });
  });
});
