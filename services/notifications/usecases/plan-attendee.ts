/**
 * What bookings and payments facts mean to the person who booked: the attendance projection
 * (which orders attend which event, for reminders and change notices), and one notice each —
 * the confirmation with the tickets, payment succeeded / failed / refunded, a waitlist offer, a
 * booking expired or cancelled. Each fact is handled once (processed_messages) and its notice
 * keyed by the fact, so a redelivery writes and sends nothing twice.
 */
import type { Envelope } from "../../../subjects/envelope.ts";
import type { AttendeeKind } from "../../../subjects/notifications.ts";
import { events as eventsApi } from "../../../subjects/events.ts";
import { call } from "../../kit/call.ts";
import { once } from "../../kit/consume.ts";
import type { Deps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { eventParams, eventRowOf } from "../event-params.ts";
import { recordNotice } from "../notices.ts";
import { planReminders } from "../reminders.ts";
import type { Marker } from "../sending.ts";

type BookingFact = { orderId: string; eventId: string; userId: string; status: string; seats: number; totalMinor: number; currency: string | null; occurredAt: string; reason?: string };

export type Notify = { kind: AttendeeKind; params: Record<string, string>; link: string };

/**
 * The event as notifications knows it (the projection of evt.event.*), or as the events service
 * tells it (public events only, without a principal: an event published before this projection
 * existed). A fact is handled concurrently with others, so its event's own fact may come a moment
 * later: the first deliveries throw (retried after the backoff), later ones give up on the notice.
 */
async function eventFor(deps: Deps, eventId: string, deliveryCount: number): Promise<store.EventRow | undefined> {
  const known = await store.eventOf(deps.db, eventId);
  if (known) return known;
  const v = await call(deps.nats.nc, eventsApi.get, { eventId }, { timeoutMs: 2_000, retries: 0 }).catch(() => undefined);
  if (v) {
    const row = eventRowOf({ ...v, eventId: v.id });
    await store.upsertEvent(deps.db, row);
    return row;
  }
  if (deliveryCount < 3) throw new Error(`event ${eventId} is not known yet`);
  deps.log.warn({ eventId }, "event unknown; its attendee is not told");
  return undefined;
}

/**
 * The recipient of a notice, or none: a deactivated user is not told. One notifications has not
 * heard of yet (identity's fact is handled concurrently with this one) is waited for over the
 * first deliveries (retried after the backoff), then given up with a log line, so a stray fact
 * cannot hold the planner back for minutes.
 */
async function recipientFor(deps: Deps, userId: string, deliveryCount: number): Promise<store.Recipient[]> {
  // The contact first: once it is there, the recipient row is (asked the other way round, a
  // projection committed between the two reads looked like a deactivated user).
  if (await store.contactOf(deps.db, userId)) return store.recipientsOf(deps.db, [userId]);
  if (deliveryCount < 3) throw new Error(`user ${userId} is not known yet`);
  deps.log.warn({ userId }, "user unknown; not told");
  return [];
}

/**
 * A booking fact: records the order's status (and re-plans its reminders), then tells the booker
 * with `notify` (none when the fact is of no interest to them).
 */
export async function onBookingFact(deps: Deps, marker: Marker, consumer: string, e: Envelope<BookingFact>, ctx: { deliveryCount: number }, notify: ((ev: store.EventRow) => Notify | null) | null): Promise<void> {
  const f = e.data;
  const ev = notify ? await eventFor(deps, f.eventId, ctx.deliveryCount) : undefined;
  const n = ev ? (notify?.(ev) ?? null) : null;
  const recipients = n ? await recipientFor(deps, f.userId, ctx.deliveryCount) : [];
  await once(deps.db, consumer, e.id, async (trx) => {
    const applied = await store.upsertAttendance(trx, { orderId: f.orderId, eventId: f.eventId, userId: f.userId, status: f.status, reason: f.reason ?? null, seats: f.seats, occurredAt: f.occurredAt });
    if (applied) await planReminders(trx, deps, f.orderId);
    if (n && ev && recipients.length) await recordNotice(trx, deps, marker, { sourceId: derivedId(e.id, n.kind), kind: n.kind, params: { ...eventParams(ev), ...n.params }, link: n.link }, recipients);
  });
}

/** A fact that only tells one user (payments, waitlist offers). */
export async function onUserFact(deps: Deps, marker: Marker, consumer: string, e: Envelope<{ eventId: string; userId: string }>, ctx: { deliveryCount: number }, notify: (ev: store.EventRow) => Notify): Promise<void> {
  const ev = await eventFor(deps, e.data.eventId, ctx.deliveryCount);
  if (!ev) return;
  const n = notify(ev);
  const recipients = await recipientFor(deps, e.data.userId, ctx.deliveryCount);
  if (!recipients.length) return;
  await once(deps.db, consumer, e.id, (trx) => recordNotice(trx, deps, marker, { sourceId: derivedId(e.id, n.kind), kind: n.kind, params: { ...eventParams(ev), ...n.params }, link: n.link }, recipients));
}
