/**
 * Bookings on the test run's NATS and Postgres, through the edge where a user would be: identity
 * issues real tokens, events' facts arrive on JetStream as the events service publishes them.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { run, type Running } from "../../kit/run.ts";
import type { Nats } from "../../kit/nats.ts";
import { call } from "../../kit/call.ts";
import { identityService } from "../../identity/index.ts";
import { edgeService } from "../../edge/index.ts";
import { bookingsService } from "../index.ts";
import { HOLD_TIMER, OFFER_TIMER } from "../expiry-timers.ts";
import { Inventory } from "../usecases/inventory.ts";
import { DisplayNames } from "../display-names.ts";
import { upsertDisplayName } from "../store.ts";
import type { Deps } from "../deps.ts";
import { findTimer } from "../../kit/timers.ts";
import { openDb } from "../../kit/db.ts";
import type { Knex } from "knex";
import { bookingEvents, bookings } from "../../../subjects/bookings.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import { publishEventPublished } from "./support/published-event.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { startNats, type TestNats } from "../../../test/support/nats-server.ts";

const password = "correct horse battery staple";

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined as T);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

type Platform = { running: Running; nats: Nats; base: string; token: string; userId: string; stop(): Promise<void> };

/**
 * Its own nats-server: thousands of booking events and edge rate-limit counters would otherwise
 * sit in the run's shared JetStream and KV, in front of the consumers and limits of later specs.
 */
async function start(extra: Record<string, string> = {}): Promise<Platform> {
  const server: TestNats = await startNats();
  const running = await run([identityService, bookingsService, edgeService], {
    ...natsEnv(server),
    DATABASE_URL: databaseUrl(),
    HTTP_PORT: "0",
    LOG_LEVEL: "silent",
    SHUTDOWN_GRACE_MS: "1000",
    RATE_LIMIT_IP_PER_MINUTE: "1000000",
    RATE_LIMIT_USER_PER_MINUTE: "1000000",
    TIMERS_POLL_MS: "50",
    // On a shared 2-core machine under other suites, 400 requests at once can wait longer than the
    // default 5 s for a CPU; this test is about the answers, not the latency (bench/flash-sale.ts).
    UPSTREAM_TIMEOUT_MS: "30000",
    ...extra,
  });
  const nats = await testNats("bookings-test", server);
  const base = running.url;
  const email = `booker+${randomUUID()}@example.org`;
  const reg = await fetch(`${base}/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, displayName: "Booker" }),
  });
  const { id } = (await reg.json()) as { id: string };
  const login = await fetch(`${base}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return {
    running,
    nats,
    base,
    token: accessToken,
    userId: id,
    async stop() {
      await nats.nc.close();
      await running.stop();
      await server.stop();
    },
  };
}

/** What the events service publishes when an event goes live. */
async function publishEvent(p: Platform, capacity: number | null, organizerId: string = randomUUID(), startsInHours = 48): Promise<string> {
  const eventId: string = randomUUID();
  const startsAt = new Date(Date.now() + startsInHours * 3_600_000).toISOString();
  await publishEventPublished(p.nats.js, { eventId, organizerId, capacity, startsAt });
  await until(() => call(p.nats.nc, bookings.availability, { eventId }), (a) => a.eventId === eventId, "the event projected");
  return eventId;
}

async function book(p: Platform, eventId: string, seats = 1): Promise<number> {
  const r = await fetch(`${p.base}/v1/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${p.token}`, "idempotency-key": randomUUID() },
    body: JSON.stringify({ eventId, seats }),
  });
  await r.arrayBuffer();
  return r.status;
}

async function confirmedSeats(p: Platform, eventId: string): Promise<number> {
  const r = await p.running.dbs.get("bookings")!("orders").where({ event_id: eventId }).whereIn("status", ["reserved", "awaiting_payment", "confirmed"]).sum({
    n: "seats",
  }).first();
  return Number(r?.n ?? 0);
}

describe("bookings: never oversold, through the edge", function () {
  this.timeout(240_000);
  let p: Platform;
  before(async () => (p = await start()));
  after(async () => p?.stop());

  it("sells exactly 100 of 100 seats to 400 concurrent bookings, 20 rounds, the rest 409 sold_out and never a 5xx", async () => {
    for (let round = 0; round < 20; round++) {
      const eventId = await publishEvent(p, 100);
      const statuses = await Promise.all(Array.from({ length: 400 }, () => book(p, eventId)));
      const created = statuses.filter((s) => s === 201).length;
      const soldOut = statuses.filter((s) => s === 409).length;
      expect({ round, created, soldOut, other: statuses.filter((s) => s !== 201 && s !== 409) }).to.deep.equal({
        round,
        created: 100,
        soldOut: 300,
        other: [],
      });
      expect(await confirmedSeats(p, eventId)).to.equal(100);
      const a = await call(p.nats.nc, bookings.availability, { eventId });
      expect(a).to.deep.include({ remaining: 0, soldOut: true });
    }
  });

  it("writes every order with its line and one ticket per seat, and no line or ticket without its order", async () => {
    // Lines and tickets have no foreign key (migration 004): the statement that writes an order writes them.
    const db = p.running.dbs.get("bookings")!;
    const { rows } = await db.raw(
      `select (select count(*) from orders)::int as orders,
              (select count(*) from order_lines l where not exists (select 1 from orders o where o.id = l.order_id))::int as orphan_lines,
              (select count(*) from tickets t where not exists (select 1 from orders o where o.id = t.order_id))::int as orphan_tickets,
              (select count(*) from orders o where o.seats <> (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id)
                                                or o.seats <> (select count(*) from tickets t where t.order_id = o.id))::int as incomplete`,
    );
    const { orders, ...rest } = rows[0];
    expect(orders).to.be.at.least(2000);
    expect(rest).to.deep.equal({ orphan_lines: 0, orphan_tickets: 0, incomplete: 0 });
  });
});

describe("bookings: the naive guard (BOOKINGS_UNSAFE_NAIVE_GUARD) oversells, so the test above races for real", function () {
  this.timeout(120_000);
  let p: Platform;
  before(async () => (p = await start({ BOOKINGS_UNSAFE_NAIVE_GUARD: "true" })));
  after(async () => p?.stop());

  it("sells more than 100 of 100 seats to 400 concurrent bookings in some round", async () => {
    let worst = 0;
    for (let round = 0; round < 20 && worst <= 100; round++) {
      const eventId = await publishEvent(p, 100);
      await Promise.all(Array.from({ length: 400 }, () => book(p, eventId)));
      worst = Math.max(worst, await confirmedSeats(p, eventId));
    }
    expect(worst).to.be.greaterThan(100);
  });
});

describe("bookings: orders, holds, payments, tickets and the waitlist", function () {
  this.timeout(120_000);
  let p: Platform;
  const organizer: Principal = { sub: randomUUID(), roles: ["organizer"] };
  const req = <C extends Parameters<typeof call>[1]>(c: C, input: Parameters<typeof call<C>>[2], principal?: Principal) =>
    call(p.nats.nc, c, input, { principal, timeoutMs: 10_000 });
  const err = async (pr: Promise<unknown>) => pr.then(() => ({ code: "none" }), (e: { code: string }) => e);
  const users = Array.from({ length: 36 }, (): Principal => ({ sub: randomUUID(), roles: ["participant"] }));
  // A pool of the tests' own for the inventories they run themselves: the service's is busy with
  // its consumers while the whole suite runs, and a test holding locks must not wait for it.
  let pool: Knex | undefined;
  const ownPool = async () => (pool ??= await openDb({ schema: "bookings", url: databaseUrl() }));
  before(async () => (p = await start()));
  after(async () => {
    await pool?.destroy();
    await p?.stop();
  });

  it("names tickets booked without names after the booker, from identity's events (the newest name wins)", async () => {
    const eventId = await publishEvent(p, 20, organizer.sub);
    const booker: Principal = { sub: p.userId, roles: ["participant"] };
    const names = async (who: Principal) => (await req(bookings.ordersCreate, { eventId, seats: 1 }, who)).tickets.map((t) => t.attendeeName);
    // Registered through the edge as "Booker": identity's event or, until it arrives, identity itself.
    expect(await names(booker)).to.deep.equal(["Booker"]);
    const renamed = async (displayName: string, occurredAt: string) => {
      const data = { userId: p.userId, email: "booker@example.org", displayName, locale: "en", timeZone: "UTC" };
      const envelope: Envelope = { id: randomUUID(), type: identityEvents.profileUpdated.subject, version: 1, source: "identity", occurredAt, data };
      await p.nats.js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
    };
    // Identity still says "Booker": a ticket named "Ada" can only come from the projection.
    await renamed("Ada", new Date().toISOString());
    await until(() => names(booker), (n) => n[0] === "Ada", "the new name projected");
    await renamed("Stale", new Date(Date.now() - 3_600_000).toISOString());
    await renamed("Marker", new Date(Date.now() + 1_000).toISOString());
    await until(() => names(booker), (n) => n[0] === "Marker", "the newer name projected");
    await renamed("Stale again", new Date(Date.now() - 3_600_000).toISOString());
    await new Promise((r) => setTimeout(r, 300));
    expect(await names(booker)).to.deep.equal(["Marker"]);
    // Nobody identity knows: the ticket says "Guest" and the booking still goes through.
    expect(await names({ sub: randomUUID(), roles: ["participant"] })).to.deep.equal(["Guest"]);
  });

  it("reads a booker's name once and keeps it, until the projection takes a fact about it; a name nobody knew is asked again", async () => {
    const db = await ownPool();
    const reads: string[] = [];
    const onQuery = (q: { sql: string; bindings?: unknown[] }) => {
      if (q.sql.startsWith("select") && q.sql.includes("people")) reads.push(String(q.bindings?.[0]));
    };
    db.on("query", onQuery);
    try {
      let asked = 0;
      const names = new DisplayNames(db, async () => (asked++, undefined));
      const [known, unknown] = [randomUUID(), randomUUID()].map((sub): Principal => ({ sub, roles: ["participant"] }));
      await upsertDisplayName(db, known.sub, "Ada", new Date());
      reads.length = 0;
      expect(await names.of(known)).to.equal("Ada");
      expect(await names.of(known)).to.equal("Ada");
      expect(reads).to.deep.equal([known.sub]);
      // The projection took a newer name (as the users consumer does: upsert, then forget).
      await upsertDisplayName(db, known.sub, "Grace", new Date(Date.now() + 1_000));
      names.forget(known.sub);
      expect(await names.of(known)).to.equal("Grace");
      expect(reads).to.deep.equal([known.sub, known.sub]);
      // A lookup under way when a forget happens keeps nothing: it may have read the old name.
      names.forget(known.sub);
      reads.length = 0;
      const during = names.of(known);
      await new Promise((r) => setImmediate(r)); // the lookup's flush (queued before) has run and its query is on its way
      names.forget(randomUUID());
      expect(await during).to.equal("Grace");
      expect(await names.of(known)).to.equal("Grace");
      expect(reads).to.deep.equal([known.sub, known.sub]);
      // Nobody could say: not kept, identity is asked again next time.
      expect(await names.of(unknown)).to.equal(undefined);
      expect(await names.of(unknown)).to.equal(undefined);
      expect(asked).to.equal(2);
    } finally {
      db.off("query", onQuery);
    }
  });

  it("confirms a free order at once and holds a paid one until settled by payments", async () => {
    const eventId = await publishEvent(p, 10, organizer.sub);
    const free = await req(bookings.ordersCreate, { eventId, seats: 2, attendees: [{ name: "Grace Hopper" }, { name: "Alan Turing" }] }, users[0]);
    expect(free).to.deep.include({ status: "confirmed", seats: 2, totalMinor: 0, currency: null });
    expect(free.tickets.map((t) => t.attendeeName)).to.deep.equal(["Grace Hopper", "Alan Turing"]);
    const paid = await req(bookings.ticketTypesCreate, { eventId, name: "Supporter", priceMinor: 2500, currency: "EUR" }, organizer);
    const held = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 2 }] }, users[1]);
    expect(held).to.deep.include({ status: "reserved", totalMinor: 5000, currency: "EUR" });
    const paymentId = randomUUID();
    expect((await req(bookings.ordersBeginPayment, { orderId: held.id, paymentId })).status).to.equal("awaiting_payment");
    expect((await req(bookings.ordersBeginPayment, { orderId: held.id, paymentId })).status).to.equal("awaiting_payment");
    const settled = await req(bookings.ordersSettle, { orderId: held.id, paymentId });
    expect(settled.outcome).to.equal("confirmed");
    expect((await req(bookings.ordersSettle, { orderId: held.id, paymentId })).outcome).to.equal("confirmed");
    expect((await req(bookings.availability, { eventId })).remaining).to.equal(6);
  });

  it("stores attendee names as written, whatever they hold: quotes, backslashes, braces, commas, NULL", async () => {
    // A batch sends its rows as SQL literals (store.ts batchWrites): what is read back must be what was sent.
    const eventId = await publishEvent(p, 10, organizer.sub);
    const odd = [`O'Brien "Bob" \\ {a,b}`, "NULL", `\\x00 ''; drop table orders; --`, "Zoë, née {}"];
    const booked = await req(
      bookings.ordersCreate,
      { eventId, seats: 4, attendees: odd.map((name) => ({ name, email: `${name.length}@example.org` })) },
      users[2],
    );
    expect(booked.tickets.map((t) => t.attendeeName)).to.deep.equal(odd);
    const read = await req(bookings.ordersGet, { orderId: booked.id }, users[2]);
    expect(read.tickets.map((t) => [t.attendeeName, t.attendeeEmail])).to.deep.equal(odd.map((name) => [name, `${name.length}@example.org`]));
  });

  it("lets the organizer's first ticket type replace the free default, which is then off sale", async () => {
    const eventId = await publishEvent(p, 10, organizer.sub);
    const [auto] = (await req(bookings.ticketTypesList, { eventId }, organizer)).items;
    expect(auto).to.deep.include({ name: "General admission", priceMinor: 0, isDefault: true, visibility: "public" });
    const standard = await req(bookings.ticketTypesCreate, { eventId, name: "Standard", priceMinor: 1250, currency: "EUR" }, organizer);
    expect(standard.isDefault).to.equal(true);
    const publicTypes = (await req(bookings.ticketTypesList, { eventId }, users[5])).items;
    expect(publicTypes.map((t) => t.name)).to.deep.equal(["Standard"]);
    // Seats without a type are the new default's, at its price; the hidden free type cannot be named.
    const seatsOnly = await req(bookings.ordersCreate, { eventId, seats: 2 }, users[5]);
    expect(seatsOnly).to.deep.include({ status: "reserved", totalMinor: 2500, currency: "EUR" });
    expect((await err(req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: auto.id, quantity: 1 }] }, users[6]))).code).to.equal("not_found");
    // A second own type leaves the first one the default.
    const vip = await req(bookings.ticketTypesCreate, { eventId, name: "VIP", priceMinor: 5000, currency: "EUR" }, organizer);
    expect(vip.isDefault).to.equal(false);
  });

  it("expires a hold once, answers a late payment gone, and a cancel twice releases once", async () => {
    const eventId = await publishEvent(p, 5, organizer.sub);
    const paid = await req(bookings.ticketTypesCreate, { eventId, name: "Paid", priceMinor: 1000, currency: "EUR" }, organizer);
    const a = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 2 }] }, users[2]);
    const db = p.running.dbs.get("bookings")!;
    // The hold ends on its durable timer, planned with the reservation for the hold's end.
    const planned = await findTimer(db, HOLD_TIMER, a.id);
    expect(planned?.dueAt.getTime()).to.equal(new Date(a.reservedUntil!).getTime());
    await lapse(db, "orders", "reserved_until", HOLD_TIMER, a.id);
    const expired = await until(() => req(bookings.ordersGet, { orderId: a.id }), (o) => o.status === "expired", "the hold to expire");
    expect(expired.status).to.equal("expired");
    expect(await findTimer(db, HOLD_TIMER, a.id)).to.equal(undefined);
    expect((await req(bookings.ordersSettle, { orderId: a.id, paymentId: randomUUID() })).outcome).to.equal("gone");
    expect((await req(bookings.availability, { eventId })).remaining).to.equal(5);
    const b = await req(bookings.ordersCreate, { eventId, seats: 3 }, users[3]);
    const [c1, c2] = await Promise.all([req(bookings.ordersCancel, { orderId: b.id }, users[3]), req(bookings.ordersCancel, { orderId: b.id }, users[3])]);
    expect([c1.status, c2.status]).to.deep.equal(["cancelled", "cancelled"]);
    expect((await req(bookings.availability, { eventId })).remaining).to.equal(5);
    const q = await db("quotas").where({ event_id: eventId, is_capacity: true }).first();
    expect(q.taken).to.equal(0);
  });

  it("releases the seats of a failed payment and records a refund from payments' events", async () => {
    const eventId = await publishEvent(p, 4, organizer.sub);
    const paid = await req(bookings.ticketTypesCreate, { eventId, name: "Paid", priceMinor: 1500, currency: "EUR" }, organizer);
    const emit = async (subject: string, data: unknown) => {
      const envelope: Envelope = { id: randomUUID(), type: subject, version: 1, source: "payments", occurredAt: new Date().toISOString(), data };
      await p.nats.js.publish(subject, JSON.stringify(envelope), { msgID: envelope.id });
    };
    const facts = (o: { id: string }, paymentId: string, status: string, refundedMinor = 0) => ({
      paymentId,
      orderId: o.id,
      eventId,
      userId: users[9].sub,
      amountMinor: 3000,
      currency: "EUR",
      refundedMinor,
      status,
      occurredAt: new Date().toISOString(),
    });
    const a = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 2 }] }, users[9]);
    const pa = randomUUID();
    await req(bookings.ordersBeginPayment, { orderId: a.id, paymentId: pa });
    await emit(paymentEvents.failed.subject, { ...facts(a, pa, "failed"), reason: "declined" });
    const failed = await until(() => req(bookings.ordersGet, { orderId: a.id }), (o) => o.status === "cancelled", "the failed payment to cancel the order");
    expect(failed.cancelReason).to.equal("payment_failed");
    expect((await req(bookings.availability, { eventId })).remaining).to.equal(4);
    const b = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 2 }] }, users[9]);
    const pb = randomUUID();
    await req(bookings.ordersSettle, { orderId: b.id, paymentId: pb });
    const cancelled = await req(bookings.ordersCancel, { orderId: b.id }, organizer);
    expect(cancelled.status).to.equal("cancelled");
    await emit(paymentEvents.refunded.subject, { ...facts(b, pb, "refunded", 3000), refundId: randomUUID(), refundAmountMinor: 3000 });
    const refunded = await until(() => req(bookings.ordersGet, { orderId: b.id }), (o) => o.status === "refunded", "the refund to be recorded");
    expect(refunded.refundedMinor).to.equal(3000);
    expect((await req(bookings.availability, { eventId })).remaining).to.equal(4);
  });

  it("races an organizer's cancel against a settle: a paid order that ends cancelled is refunded in full", async () => {
    const eventId = await publishEvent(p, 50, organizer.sub);
    const paid = await req(bookings.ticketTypesCreate, { eventId, name: "Paid", priceMinor: 1000, currency: "EUR" }, organizer);
    const db = p.running.dbs.get("bookings")!;
    for (let i = 0; i < 15; i++) {
      const o = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 1 }] }, users[7]);
      const paymentId = randomUUID();
      await req(bookings.ordersBeginPayment, { orderId: o.id, paymentId });
      const [settled, cancelled] = await Promise.all([
        req(bookings.ordersSettleMany, { items: [{ orderId: o.id, paymentId }] }),
        req(bookings.ordersCancel, { orderId: o.id }, organizer),
      ]);
      expect(cancelled.status).to.equal("cancelled");
      const events = await db("outbox").where({ subject: bookingEvents.cancelled.subject }).whereRaw("envelope->'data'->>'orderId' = ?", [o.id]).select(
        "envelope",
      );
      expect(events).to.have.length(1);
      // Confirmed first (the money arrived), then cancelled by the organizer: all of it is due back.
      const due = events[0].envelope.data.refundDueMinor;
      expect(due, `settle answered ${settled.results[0].outcome}`).to.equal(settled.results[0].outcome === "confirmed" ? 1000 : 0);
    }
  });

  it("races an expiry against a payment: exactly one outcome", async () => {
    const eventId = await publishEvent(p, 50, organizer.sub);
    const paid = await req(bookings.ticketTypesCreate, { eventId, name: "Paid", priceMinor: 1000, currency: "EUR" }, organizer);
    const db = p.running.dbs.get("bookings")!;
    for (let i = 0; i < 10; i++) {
      const o = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 1 }] }, users[4]);
      await lapse(db, "orders", "reserved_until", HOLD_TIMER, o.id);
      const s = await req(bookings.ordersSettle, { orderId: o.id, paymentId: randomUUID() });
      const final = await until(() => req(bookings.ordersGet, { orderId: o.id }), (x) => x.status === "confirmed" || x.status === "expired", "an outcome");
      expect(s.outcome === "confirmed" ? "confirmed" : "expired").to.equal(final.status);
    }
    const live = await db("orders").where({ event_id: eventId, status: "confirmed" }).count({ n: "*" }).first();
    const q = await db("quotas").where({ event_id: eventId, is_capacity: true }).first();
    expect(q.taken).to.equal(Number(live?.n));
  });

  it("svc.bookings.orders.settle-many confirms many paid orders at once, once each, and answers gone for expired, foreign and unknown ones", async () => {
    const eventId = await publishEvent(p, 50, organizer.sub);
    const paid = await req(bookings.ticketTypesCreate, { eventId, name: "Paid", priceMinor: 1000, currency: "EUR" }, organizer);
    const db = p.running.dbs.get("bookings")!;
    const held = await Promise.all(
      Array.from({ length: 12 }, (_, i) => req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: paid.id, quantity: 1 }] }, users[i % users.length])),
    );
    const payments = held.map(() => randomUUID());
    await req(bookings.ordersBeginPayment, { orderId: held[0].id, paymentId: payments[0] });
    await lapse(db, "orders", "reserved_until", HOLD_TIMER, held[11].id);
    await until(() => req(bookings.ordersGet, { orderId: held[11].id }), (o) => o.status === "expired", "the hold to expire");
    const items = held.map((o, i) => ({ orderId: o.id, paymentId: payments[i] }));
    const unknown = { orderId: randomUUID(), paymentId: randomUUID() };
    // Two overlapping batches at once, as two replicas of payments could send them.
    const [a, b] = await Promise.all([
      req(bookings.ordersSettleMany, { items: [...items, unknown] }),
      req(bookings.ordersSettleMany, { items: [...items].reverse() }),
    ]);
    const expected = held.map((o, i) => ({ orderId: o.id, outcome: i === 11 ? "gone" : "confirmed" }));
    expect(a.results).to.deep.equal([...expected, { orderId: unknown.orderId, outcome: "gone" }]);
    expect(b.results).to.deep.equal([...expected].reverse());
    // Another payment for a confirmed order is not this order's payment.
    expect((await req(bookings.ordersSettleMany, { items: [{ orderId: held[1].id, paymentId: randomUUID() }] })).results[0].outcome).to.equal("gone");
    for (const [i, o] of held.entries()) expect((await req(bookings.ordersGet, { orderId: o.id })).status).to.equal(i === 11 ? "expired" : "confirmed");
    const confirmations = await db("outbox").where({ subject: bookingEvents.confirmed.subject }).whereRaw("envelope->'data'->>'eventId' = ?", [eventId]).count({
      n: "*",
    });
    expect(Number(confirmations[0].n)).to.equal(11);
    expect((await req(bookings.availability, { eventId })).remaining).to.equal(39);
  });

  it("signs ticket codes: valid once, then already checked in; forged, altered and other events refused", async () => {
    const eventId = await publishEvent(p, 10, organizer.sub);
    const other = await publishEvent(p, 10, organizer.sub);
    const o = await req(bookings.ordersCreate, { eventId, seats: 1, attendees: [{ name: "Ada Lovelace" }] }, users[5]);
    const { code } = await req(bookings.ticketsGet, { ticketId: o.tickets[0].id }, users[5]);
    const first = await req(bookings.checkInsScan, { eventId, code }, organizer);
    expect(first.result).to.equal("valid");
    const again = await req(bookings.checkInsScan, { eventId, code }, organizer);
    expect(again).to.deep.include({ result: "already_checked_in", checkedInAt: first.checkedInAt, checkedInBy: organizer.sub });
    const [h, payload, sig] = code.split(".");
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), n: "Mallory" })).toString("base64url");
    expect((await req(bookings.checkInsScan, { eventId, code: `${h}.${altered}.${sig}` }, organizer)).result).to.equal("forged");
    expect((await req(bookings.checkInsScan, { eventId: other, code }, organizer)).result).to.equal("other_event");
    expect((await err(req(bookings.checkInsScan, { eventId, code }, users[6]))).code).to.equal("forbidden");
    const qr = await req(bookings.ticketsQr, { ticketId: o.tickets[0].id, format: "png" }, users[5]);
    expect(Buffer.from(qr.dataBase64, "base64").subarray(1, 4).toString()).to.equal("PNG");
    const o2 = await req(bookings.ordersCreate, { eventId, seats: 1 }, users[7]);
    const code2 = (await req(bookings.ticketsGet, { ticketId: o2.tickets[0].id }, users[7])).code;
    await req(bookings.ordersCancel, { orderId: o2.id }, users[7]);
    expect((await req(bookings.checkInsScan, { eventId, code: code2 }, organizer)).result).to.equal("cancelled");
    const pkg = await req(bookings.checkInsPackage, { eventId }, organizer);
    expect(pkg.revoked).to.include(o2.tickets[0].id);
    const late = new Date(Date.now() - 60_000).toISOString();
    const early = new Date(Date.now() - 120_000).toISOString();
    const o3 = await req(bookings.ordersCreate, { eventId, seats: 1 }, users[8]);
    const code3 = (await req(bookings.ticketsGet, { ticketId: o3.tickets[0].id }, users[8])).code;
    const up = await req(bookings.checkInsUpload, { eventId, scans: [{ code: code3, scannedAt: late }, { code: code3, scannedAt: early }] }, organizer);
    expect(up.results.map((r) => r.result)).to.deep.equal(["already_checked_in", "valid"]);
    expect(up.results[0].checkedInAt).to.equal(early);
  });

  it("sums an event's sales per day and per ticket type for its organizers only", async () => {
    const eventId = await publishEvent(p, 20, organizer.sub);
    const vip = await req(bookings.ticketTypesCreate, { eventId, name: "VIP", priceMinor: 2500, currency: "EUR", quantity: 5 }, organizer);
    const sold = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: vip.id, quantity: 2 }] }, users[20]);
    const paymentId = randomUUID();
    await req(bookings.ordersBeginPayment, { orderId: sold.id, paymentId });
    expect((await req(bookings.ordersSettle, { orderId: sold.id, paymentId })).outcome).to.equal("confirmed");
    await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: vip.id, quantity: 1 }] }, users[21]); // held, not sold
    const cancelled = await req(bookings.ordersCreate, { eventId, items: [{ ticketTypeId: vip.id, quantity: 1 }] }, users[22]);
    await req(bookings.ordersCancel, { orderId: cancelled.id }, users[22]);
    const { code } = await req(bookings.ticketsGet, { ticketId: sold.tickets[0].id }, users[20]);
    expect((await req(bookings.checkInsScan, { eventId, code }, organizer)).result).to.equal("valid");

    const s = await req(bookings.salesGet, { eventId }, organizer);
    const today = new Date().toISOString().slice(0, 10);
    expect(s.days).to.deep.equal([{ date: today, tickets: 2, orders: 1 }]);
    const row = s.ticketTypes.find((t) => t.ticketTypeId === vip.id);
    expect(row).to.deep.equal({ ticketTypeId: vip.id, name: "VIP", quantity: 5, sold: 2, held: 1, checkedIn: 1, revenueMinor: 5000, currency: "EUR" });
    expect((await err(req(bookings.salesGet, { eventId }, users[20]))).code).to.be.oneOf(["forbidden", "not_found"]);
  });

  it("exports every participant as one streamed CSV through the edge, across pages, formulas neutralised", async () => {
    const eventId = await publishEvent(p, 2000, p.userId);
    const tricky = await req(
      bookings.ordersCreate,
      { eventId, seats: 1, attendees: [{ name: '=HYPERLINK("http://x")', email: "eve@example.org" }] },
      users[23],
    );
    // 1,005 more tickets: more than one page of 1,000.
    await Promise.all(
      Array.from({ length: 1005 }, (_, i) => req(bookings.ordersCreate, { eventId, seats: 1, attendees: [{ name: `Guest ${i}` }] }, users[i % 20])),
    );
    await req(bookings.ordersCancel, { orderId: tricky.id }, users[23]);
    const get = (query = "", token = p.token) =>
      fetch(`${p.base}/v1/events/${eventId}/registrations.csv${query}`, { headers: { authorization: `Bearer ${token}` } });

    const all = await get();
    expect(all.status).to.equal(200);
    expect(all.headers.get("content-type")).to.match(/^text\/csv/);
    expect(all.headers.get("content-disposition")).to.equal(`attachment; filename="participants-${eventId}.csv"`);
    const lines = (await all.text()).split("\r\n").filter(Boolean);
    expect(lines[0]).to.equal('"name","email","ticket_type","status","booked_at","checked_in_at","ticket_id","order_id"');
    expect(lines).to.have.length(1 + 1006);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[6])).size, "each ticket once").to.equal(1006);
    expect(lines.find((l) => l.includes("eve@example.org"))).to.match(/^"'=HYPERLINK\(""http:\/\/x""\)","eve@example.org","[^"]+","cancelled",/);

    const cancelled = (await (await get("?status=cancelled")).text()).split("\r\n").filter(Boolean);
    expect(cancelled).to.have.length(2);
    // Not its organizer: a problem, not a file.
    const email = `stranger+${randomUUID()}@example.org`;
    const json = { "content-type": "application/json" };
    expect(
      (await fetch(`${p.base}/v1/auth/register`, { method: "POST", headers: json, body: JSON.stringify({ email, password, displayName: "Stranger" }) })).status,
    ).to.equal(201);
    const login = (await (await fetch(`${p.base}/v1/auth/login`, { method: "POST", headers: json, body: JSON.stringify({ email, password }) })).json()) as {
      accessToken: string;
    };
    const refused = await get("", login.accessToken);
    expect(refused.status).to.be.oneOf([403, 404]);
    expect(refused.headers.get("content-type")).to.match(/^application\/problem\+json/);
  });

  it("offers the seats of 10 cancellations to the first entries that fit, in order, each offer ending once", async () => {
    const eventId = await publishEvent(p, 10, organizer.sub);
    const holders = users.slice(10, 20);
    const orders = [];
    for (const u of holders) orders.push(await req(bookings.ordersCreate, { eventId, seats: 1 }, u));
    const waiting = users.slice(20, 30);
    const sizes = [1, 3, 1, 1, 1, 1, 1, 1, 1, 1];
    const entries = [];
    for (let i = 0; i < waiting.length; i++) entries.push(await req(bookings.waitlistJoin, { eventId, seats: sizes[i] }, waiting[i]));
    expect(entries.map((e) => e.position)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The first cancellation frees one seat: entry 0 is offered; entry 1 (3 seats) keeps its place.
    await req(bookings.ordersCancel, { orderId: orders[0].id }, holders[0]);
    let e0 = await req(bookings.waitlistMine, { eventId }, waiting[0]);
    expect(e0.status).to.equal("offered");
    const accepted = await req(bookings.waitlistAccept, { entryId: e0.id }, waiting[0]);
    expect(accepted.status).to.equal("confirmed");
    expect((await req(bookings.waitlistAccept, { entryId: e0.id }, waiting[0])).id).to.equal(accepted.id);
    e0 = await req(bookings.waitlistMine, { eventId }, waiting[0]);
    expect(e0.status).to.equal("accepted");
    for (let i = 1; i < 10; i++) await req(bookings.ordersCancel, { orderId: orders[i].id }, holders[i]);
    const after = await Promise.all(waiting.map((u) => req(bookings.waitlistMine, { eventId }, u)));
    // One seat at a time: entry 1 (3 seats) never fits and keeps its place; entries 2..9 are
    // offered in order; the ninth freed seat waits for a group that fits.
    expect(after.map((e) => e.status)).to.deep.equal([
      "accepted",
      "waiting",
      "offered",
      "offered",
      "offered",
      "offered",
      "offered",
      "offered",
      "offered",
      "offered",
    ]);
    // Entry 2 declines: 2 seats free, still not enough for entry 1.
    await req(bookings.waitlistDecline, { entryId: after[2].id }, waiting[2]);
    expect((await req(bookings.waitlistMine, { eventId }, waiting[1])).status).to.equal("waiting");
    // Entry 3's offer lapses: 3 seats free, and entry 1 (first in the queue) gets them, once.
    const db = p.running.dbs.get("bookings")!;
    await lapse(db, "waitlist", "offer_expires_at", OFFER_TIMER, after[3].id);
    await until(() => req(bookings.waitlistMine, { eventId }, waiting[1]), (e) => e.status === "offered", "the offer to entry 1");
    expect((await req(bookings.waitlistMine, { eventId }, waiting[3])).status).to.equal("expired");
    expect((await err(req(bookings.waitlistAccept, { entryId: after[3].id }, waiting[3]))).code).to.equal("offer_expired");
    expect((await req(bookings.waitlistAccept, { entryId: after[1].id }, waiting[1])).seats).to.equal(3);
    const q = await db("quotas").where({ event_id: eventId, is_capacity: true }).first();
    expect(q.taken).to.equal(10);
  });

  it("writes a batch's rows before it waits for the event's lock, and adds under the lock what it could not expect (a waitlist acceptance)", async () => {
    const eventId = await publishEvent(p, 10, organizer.sub);
    const holders = users.slice(0, 10);
    const orders = [];
    for (const u of holders) orders.push(await req(bookings.ordersCreate, { eventId, seats: 1 }, u));
    const entry = await req(bookings.waitlistJoin, { eventId, seats: 1 }, users[20]);
    // Three seats come back: one is offered to the waiting entry, two are free.
    for (const i of [0, 1, 2]) await req(bookings.ordersCancel, { orderId: orders[i].id }, holders[i]);
    expect((await req(bookings.waitlistMine, { eventId }, users[20])).status).to.equal("offered");
    const db = await ownPool();
    const inventory = new Inventory(inventoryDeps(db));
    const seat = (u: Principal, waitlistEntryId?: string) => ({
      eventId,
      userId: u.sub,
      waitlistEntryId,
      lines: [{ ticketTypeId: null, quantity: 1, attendees: [{ name: "Late" }] }],
    });
    // The event's inventory lock, held here: even the first batch of a busy spell, with no
    // projection yet, writes its rows first (it expects from the inventory as committed).
    const first = await db.transaction();
    await lockInventoryRow(first, eventId);
    const booked = inventory.reserve(seat(users[21]));
    await waitingForLock(db, eventId, { wrote: true, n: 1 });
    // Queued meanwhile: the next batch opens once the first wrote its rows, expects from the first
    // one's decisions, writes the seat it expects (not the acceptance) and queues for the lock.
    const accepted = inventory.reserve(seat(users[20], entry.id));
    const later = inventory.reserve(seat(users[22]));
    await waitingForLock(db, eventId, { wrote: true, n: 2 });
    await first.commit();
    expect((await booked).order.status).to.equal("confirmed");
    const [a, l] = await Promise.all([accepted, later]);
    expect(l.order.status).to.equal("confirmed");
    // The acceptance could not be expected (offers are read under the lock): added there, same batch.
    expect(a.order.waitlist_entry_id).to.equal(entry.id);
    expect(a.order.created_at.getTime()).to.equal(l.order.created_at.getTime());
    expect((await req(bookings.waitlistMine, { eventId }, users[20])).status).to.equal("accepted");
    const q = await db("quotas").where({ event_id: eventId, is_capacity: true }).first();
    expect(q.taken).to.equal(10);
    const tickets = await db("tickets").whereIn("order_id", [a.order.id, l.order.id]).count({ n: "*" }).first();
    expect(Number(tickets?.n)).to.equal(2);
  });

  it("drops under the lock the rows a batch wrote for seats another replica took meanwhile: nothing oversold, nothing announced", async () => {
    const eventId = await publishEvent(p, 3, organizer.sub);
    const db = await ownPool();
    // Two replicas of the inventory on one database.
    const [r1, r2] = [new Inventory(inventoryDeps(db)), new Inventory(inventoryDeps(db))];
    const seats = (u: Principal, quantity: number) => ({ eventId, userId: u.sub, lines: [{ ticketTypeId: null, quantity, attendees: [{ name: "R" }] }] });
    const held = await db.transaction();
    await lockInventoryRow(held, eventId);
    const a = r1.reserve(seats(users[30], 1));
    await waitingForLock(db, eventId, { wrote: true, n: 1 });
    const b = r2.reserve(seats(users[31], 1));
    await waitingForLock(db, eventId, { wrote: true, n: 2 });
    // r1's next batch expects 3 seats left minus a's one: c's two fit, d's one does not. Under the
    // lock, after b: c does not fit (its rows go) and d does (its rows come).
    // r1's next batch must not take the row before b's batch (a row lock's waiters can be
    // overtaken): the quotas table locked EXCLUSIVE behind both, so it waits until b's commits.
    const fence = await tableLockQueued(db);
    const c = r1.reserve(seats(users[32], 2));
    const d = r1.reserve(seats(users[33], 1));
    await waitingForLock(db, eventId, { wrote: true, n: 3 });
    await held.commit();
    expect((await a).order.status).to.equal("confirmed");
    expect((await b).order.status).to.equal("confirmed");
    await fence.granted;
    await fence.trx.commit();
    expect(((await c.catch((e) => e)) as { code?: string }).code).to.equal("sold_out");
    const dOrder = (await d).order;
    expect(dOrder.status).to.equal("confirmed");
    expect((await db("quotas").where({ event_id: eventId, is_capacity: true }).first()).taken).to.equal(3);
    const mine = await db("orders").where({ event_id: eventId });
    expect(mine.map((o) => o.user_id).sort()).to.deep.equal([users[30].sub, users[31].sub, users[33].sub].sort());
    const rows = await db("tickets").where({ event_id: eventId }).count({ n: "*" }).first();
    expect(Number(rows?.n)).to.equal(3);
    const lines = await db("order_lines").whereIn("order_id", mine.map((o) => o.id)).count({ n: "*" }).first();
    expect(Number(lines?.n)).to.equal(3);
    const announced = await db("outbox").whereRaw("envelope::text like ?", [`%${eventId}%`]);
    expect(announced.map((r) => JSON.parse(typeof r.envelope === "string" ? r.envelope : JSON.stringify(r.envelope)).data.userId).sort()).to.deep.equal(
      [users[30].sub, users[31].sub, users[33].sub].sort(),
    );
  });

  it("locks first and writes with its commit a small batch with none of its event ahead; still never oversells", async () => {
    const eventId = await publishEvent(p, 3, organizer.sub);
    const db = await ownPool();
    const inventory = new Inventory(inventoryDeps(db, 16));
    const seats = (u: Principal, quantity: number) => ({ eventId, userId: u.sub, lines: [{ ticketTypeId: null, quantity, attendees: [{ name: "D" }] }] });
    const held = await db.transaction();
    await lockInventoryRow(held, eventId);
    const a = inventory.reserve(seats(users[34], 2));
    // Waiting for the lock with nothing written: its rows go with its commit.
    await waitingForLock(db, eventId, { wrote: false, n: 1 });
    await held.commit();
    const booked = await a;
    expect(booked.order.status).to.equal("confirmed");
    expect(booked.tickets).to.have.length(2);
    expect((await db("quotas").where({ event_id: eventId, is_capacity: true }).first()).taken).to.equal(2);
    expect(Number((await db("tickets").where({ order_id: booked.order.id }).count({ n: "*" }).first())?.n)).to.equal(2);
    const announced = await db("outbox").whereRaw("envelope::text like ?", [`%${booked.order.id}%`]);
    expect(announced.map((r) => r.subject)).to.deep.equal(["evt.booking.confirmed"]);
    // One seat left: two do not fit, one does.
    expect(((await inventory.reserve(seats(users[35], 2)).catch((e) => e)) as { code?: string }).code).to.equal("sold_out");
    expect((await inventory.reserve(seats(users[35], 1))).order.seats).to.equal(1);
    expect((await db("quotas").where({ event_id: eventId, is_capacity: true }).first()).taken).to.equal(3);
  });
});

/**
 * What an inventory of a test's own needs: the service's database, its clock, no outbox relay to
 * wake. Every batch writes before the lock unless `directBatchMax` says otherwise (the tests of
 * the pipeline are of that path).
 */
function inventoryDeps(db: Knex, directBatchMax = 0): Deps {
  const deps = {
    db,
    log: { error: () => undefined },
    flushOutbox: () => undefined,
    now: () => new Date(),
    config: { batchMax: 500, directBatchMax, drainsMax: 4, naiveGuard: false },
  };
  return deps as unknown as Deps;
}

/**
 * Asks for the quotas table in EXCLUSIVE mode (it conflicts with the ROW SHARE every FOR UPDATE
 * takes, not with plain reads) and returns once the request is queued; `granted` resolves once
 * held. Table locks are granted in the order asked, so a batch asking after this waits for it.
 */
async function tableLockQueued(db: Knex): Promise<{ trx: Knex.Transaction; granted: Promise<unknown> }> {
  const trx = await db.transaction();
  // then() sends it (a knex query is sent when awaited).
  const granted = trx.raw("lock table quotas in exclusive mode").then(() => undefined);
  await until(
    () => db.raw(`select count(*)::int as n from pg_locks where relation = to_regclass('quotas') and mode = 'ExclusiveLock'`),
    (r) => r.rows[0].n === 1,
    "the quotas table lock asked for",
  );
  return { trx, granted };
}

/** Takes the event's inventory lock in `trx` (a transaction without a callback: held until committed). */
async function lockInventoryRow(trx: Knex.Transaction, eventId: string): Promise<void> {
  await trx("quotas").where({ event_id: eventId, is_capacity: true }).forUpdate().first();
}

/**
 * Until `n` batches wait for `eventId`'s inventory lock (their lock statement names the event; the
 * suite's other transactions do not), having written orders first (`wrote`: they hold the lock an
 * insert takes on the table) or not.
 */
async function waitingForLock(db: Knex, eventId: string, opts: { wrote: boolean; n: number }): Promise<void> {
  await until(
    () =>
      db.raw(
        `select count(*)::int as n from pg_stat_activity a
          where a.datname = current_database() and a.wait_event_type = 'Lock' and a.query like '%bookings_lock_quota%'
            and position(? in a.query) > 0
            and ${opts.wrote ? "" : "not "}exists (select 1 from pg_locks l where l.pid = a.pid and l.granted
                                                and l.relation = to_regclass('orders') and l.mode = 'RowExclusiveLock')`,
        [eventId],
      ),
    (r) => r.rows[0].n === opts.n,
    `${opts.n} batch(es) waiting for the lock${opts.wrote ? " with their rows written" : ""}`,
  );
}

/** Makes a hold or offer due now: its deadline and its timer, as if the time had come. */
async function lapse(db: Knex, table: string, column: string, kind: string, id: string): Promise<void> {
  const past = new Date(Date.now() - 1);
  await db(table).where({ id }).update({ [column]: past });
  await db("timers").where({ kind, key: id }).update({ due_at: past });
}
