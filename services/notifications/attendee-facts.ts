/**
 * What the use cases of attendee facts (bookings and payments facts, usecases/on-booking-fact.ts
 * and on-user-fact.ts) share: the fact's shape, the notice a fact means, and finding its event and
 * its recipient while identity's and events' own facts may still be on their way.
 */
import type { AttendeeKind } from "../../subjects/notifications.ts";
import { events as eventsApi } from "../../subjects/events.ts";
import { call } from "../kit/call.ts";
import type { Deps } from "./deps.ts";
import * as store from "./store.ts";
import { eventRowOf } from "./event-params.ts";

export type BookingFact = {
  orderId: string;
  eventId: string;
  userId: string;
  status: string;
  seats: number;
  totalMinor: number;
  currency: string | null;
  occurredAt: string;
  reason?: string;
};

export type Notify = { kind: AttendeeKind; params: Record<string, string>; link: string };

/**
 * The event as notifications knows it (the projection of evt.event.*), or as the events service
 * tells it (public events only, without a principal: an event published before this projection
 * existed). A fact is handled concurrently with others, so its event's own fact may come a moment
 * later: the first deliveries throw (retried after the backoff), later ones give up on the notice.
 */
export async function eventFor(deps: Deps, eventId: string, deliveryCount: number): Promise<store.EventRow | undefined> {
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
export async function recipientFor(deps: Deps, userId: string, deliveryCount: number): Promise<store.Recipient[]> {
  // The contact first: once it is there, the recipient row is (asked the other way round, a
  // projection committed between the two reads looked like a deactivated user).
  if (await store.contactOf(deps.db, userId)) return store.recipientsOf(deps.db, [userId]);
  if (deliveryCount < 3) throw new Error(`user ${userId} is not known yet`);
  deps.log.warn({ userId }, "user unknown; not told");
  return [];
}
