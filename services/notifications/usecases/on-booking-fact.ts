/**
 * What bookings and payments facts mean to the person who booked: the attendance projection
 * (which orders attend which event, for reminders and change notices), and one notice each —
 * the confirmation with the tickets, payment succeeded / failed / refunded, a waitlist offer, a
 * booking expired or cancelled. Each fact is handled once (processed_messages) and its notice
 * keyed by the fact, so a redelivery writes and sends nothing twice.
 */
import { once } from "../../kit/consume.ts";
import type { ConsumerDeps, Delivered } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { eventParams } from "../event-params.ts";
import { recordNotice } from "../notices.ts";
import { planReminders } from "../reminders.ts";
import { type BookingFact, eventFor, type Notify, recipientFor } from "../attendee-facts.ts";

/**
 * A booking fact: records the order's status (and re-plans its reminders), then tells the booker
 * with `notify` (none when the fact is of no interest to them).
 */
export async function onBookingFact(deps: ConsumerDeps, e: Delivered<BookingFact> & { notify: ((ev: store.EventRow) => Notify | null) | null }): Promise<void> {
  const f = e.data;
  const ev = e.notify ? await eventFor(deps, f.eventId, e.deliveryCount) : undefined;
  const n = ev ? (e.notify?.(ev) ?? null) : null;
  const recipients = n ? await recipientFor(deps, f.userId, e.deliveryCount) : [];
  await once(deps.db, deps.durable, e.id, async (trx) => {
    const applied = await store.upsertAttendance(trx, {
      orderId: f.orderId,
      eventId: f.eventId,
      userId: f.userId,
      status: f.status,
      reason: f.reason ?? null,
      seats: f.seats,
      occurredAt: f.occurredAt,
    });
    if (applied) await planReminders(trx, deps, f.orderId);
    if (n && ev && recipients.length) {
      await recordNotice(
        trx,
        deps,
        deps.marker,
        { sourceId: derivedId(e.id, n.kind), kind: n.kind, params: { ...eventParams(ev), ...n.params }, link: n.link },
        recipients,
      );
    }
  });
}
