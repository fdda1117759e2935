/**
 * The checkout saga on the real services, through the edge, against the payments sandbox: a paid
 * booking is confirmed by the provider's callback and nothing else; a declined payment releases
 * the seats; an attendee who cancels within the event's rules gets the money back, and the
 * booking, the payment and the ledger all say so. No stand-ins: bookings, payments, identity,
 * events and the edge talk over NATS and JetStream as in `make up`.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { type Platform, startPlatform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";
import { apiRequest, type Reply } from "../support/api.ts";

describe("checkout saga: bookings and payments through the edge", function () {
  this.timeout(90_000);
  let platform: Platform;
  let ip = 0;

  before(async function () {
    this.timeout(60_000);
    platform = await startPlatform({ TRUST_PROXY: "true" });
  });
  after(async function () {
    this.timeout(30_000);
    await platform?.stop();
  });

  const api = (method: string, path: string, body?: unknown, token?: string, from = "10.88.0.1"): Promise<Reply> =>
    apiRequest(platform.base, method, path, body, token, from);

  async function account(name: string): Promise<string> {
    const from = `10.88.1.${++ip}`;
    const email = `${name}+${randomUUID()}@example.org`;
    const password = "correct horse battery staple";
    expect((await api("POST", "/v1/auth/register", { email, password, displayName: name }, undefined, from)).status).to.equal(201);
    return (await api("POST", "/v1/auth/login", { email, password }, undefined, from)).body.accessToken;
  }
  /** A published event with `capacity` seats sold only as one €20 ticket type. */
  async function paidEvent(organizer: string, capacity: number): Promise<{ eventId: string; ticketTypeId: string }> {
    const startsAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const e = await api("POST", "/v1/events", {
      title: `Saga ${randomUUID().slice(0, 6)}`,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(),
      timeZone: "Europe/Berlin",
      capacity,
      publish: true,
    }, organizer);
    expect(e.status, JSON.stringify(e.body)).to.equal(201);
    const type = await eventually("bookings to know the event", async () => {
      const r = await api("POST", `/v1/events/${e.body.id}/ticket-types`, { name: "Standard", priceMinor: 2000, currency: "EUR" }, organizer);
      return r.status === 201 && r;
    });
    return { eventId: e.body.id, ticketTypeId: type.body.id };
  }
  /** A held order and its payment at the provider, not paid yet. */
  async function hold(token: string, eventId: string, ticketTypeId: string, quantity: number) {
    const order = await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity }] }, token);
    expect(order.status, JSON.stringify(order.body)).to.equal(201);
    expect(order.body).to.deep.include({ status: "reserved", totalMinor: 2000 * quantity, currency: "EUR" });
    const pay = await api("POST", "/v1/payments", { bookingId: order.body.id }, token);
    expect(pay.status, JSON.stringify(pay.body)).to.equal(201);
    return { orderId: order.body.id as string, paymentId: pay.body.paymentId as string, redirectUrl: pay.body.redirectUrl as string };
  }
  /** The buyer on the provider's page; the success redirect proves nothing, the callback does. */
  async function atProvider(redirectUrl: string, action: "pay" | "decline"): Promise<void> {
    const page = await fetch(redirectUrl, { method: "POST", body: new URLSearchParams({ action }), redirect: "manual" });
    await page.arrayBuffer();
  }
  async function checkout(token: string, eventId: string, ticketTypeId: string, quantity: number) {
    const held = await hold(token, eventId, ticketTypeId, quantity);
    await atProvider(held.redirectUrl, "pay");
    return held;
  }
  const status = async (path: string, token: string) => (await api("GET", path, undefined, token)).body.status as string;

  it("confirms a paid booking by the provider's callback, and refunds it in full when the attendee cancels in time", async () => {
    const organizer = await account("organizer");
    const attendee = await account("attendee");
    const { eventId, ticketTypeId } = await paidEvent(organizer, 10);
    const { orderId, paymentId } = await checkout(attendee, eventId, ticketTypeId, 2);

    await eventually("the booking confirmed", async () => (await status(`/v1/bookings/${orderId}`, attendee)) === "confirmed");
    await eventually("the payment succeeded", async () => (await status(`/v1/payments/${paymentId}`, attendee)) === "succeeded");
    const booking = (await api("GET", `/v1/bookings/${orderId}`, undefined, attendee)).body;
    expect(booking.tickets).to.have.length(2);
    expect((await api("GET", `/v1/events/${eventId}/availability`)).body.remaining).to.equal(8);

    // Cancelling within the rules (the default: any time before the start, 100 %) refunds it all.
    const cancelled = await api("DELETE", `/v1/bookings/${orderId}`, undefined, attendee);
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200);
    await eventually("the payment refunded", async () => (await status(`/v1/payments/${paymentId}`, attendee)) === "refunded");
    await eventually("the booking refunded", async () => (await status(`/v1/bookings/${orderId}`, attendee)) === "refunded");
    const refunded = (await api("GET", `/v1/bookings/${orderId}`, undefined, attendee)).body;
    expect(refunded.refundedMinor).to.equal(4000);
    expect((await api("GET", `/v1/events/${eventId}/availability`)).body.remaining).to.equal(10);

    // The organizer's ledger: one charge and one refund of the same amount for this event.
    const ledger = await api("GET", `/v1/transactions?eventId=${eventId}`, undefined, organizer);
    expect(ledger.status, JSON.stringify(ledger.body)).to.equal(200);
    const kinds = (ledger.body.items as Array<{ kind: string; amountMinor: number }>).map((t) => `${t.kind}:${t.amountMinor}`).sort();
    expect(kinds).to.deep.equal(["charge:4000", "refund:4000"]);
  });

  it("releases the seats of a declined payment and lets someone else have them", async () => {
    const organizer = await account("organizer");
    const [first, second] = [await account("first"), await account("second")];
    const { eventId, ticketTypeId } = await paidEvent(organizer, 2);
    const declined = await hold(first, eventId, ticketTypeId, 2);
    expect((await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity: 1 }] }, second)).status).to.equal(409); // sold out while held
    await atProvider(declined.redirectUrl, "decline");
    await eventually("the booking cancelled", async () => (await status(`/v1/bookings/${declined.orderId}`, first)) === "cancelled");
    expect(await status(`/v1/payments/${declined.paymentId}`, first)).to.equal("failed");
    const again = await checkout(second, eventId, ticketTypeId, 2);
    await eventually("the second booking confirmed", async () => (await status(`/v1/bookings/${again.orderId}`, second)) === "confirmed");
    expect((await api("GET", `/v1/events/${eventId}/availability`)).body.remaining).to.equal(0);
  });
});
