/**
 * The waitlist. Fairness rule: entries are offered in the order they joined (first come, first
 * offered). When seats free up, the queue is walked from its head; an entry whose group is larger
 * than the seats free now is skipped but keeps its place (it gets the next seats that fit it), and
 * the smaller entries behind it may be offered first — seats never stay idle waiting for a group
 * that does not fit. An offer holds its seats (taken from the counters like a reservation) for the
 * event's waitlistOfferMinutes; accepted it becomes an order, declined or lapsed its seats move on.
 * No offer is made once sales of the default ticket type close or the event starts.
 * Offers are made inside the transaction that freed the seats, under the event's inventory lock,
 * so a booking racing the release cannot take seats the waitlist is owed.
 *
 * Shared by the waitlist use cases, the order transitions that free seats, the event projection
 * and the offer timer.
 */
import type { Knex } from "knex";
import type { Static } from "@sinclair/typebox";
import { enqueue } from "../kit/outbox.ts";
import { notFound } from "../kit/errors.ts";
import { type WaitlistEntryView, waitlistEvents } from "../../subjects/bookings.ts";
import type { Principal } from "../../subjects/principal.ts";
import { type Deps, SOURCE } from "./deps.ts";
import { offersFor } from "./waitlist-offers.ts";
import { planOfferExpiry } from "./expiry-timers.ts";
import { eventById, lockInventory, releaseSeats, settingsOf, type TicketTypeRow } from "./store.ts";
import {
  closeOffer,
  defaultTypeOf,
  entryById,
  type EntryRow,
  latestEntryOf,
  markOffered,
  queuePosition,
  quotasByIds,
  takeSeats,
  waitingEntries,
} from "./store/waitlist.ts";

type Trx = Knex.Transaction;
export type EntryView = Static<typeof WaitlistEntryView>;

/** Seats of the default ticket type free now (min over its own quantity and its quotas); null = unlimited. */
export async function freeSeats(db: Knex, eventId: string): Promise<{ type: TicketTypeRow; free: number | null } | undefined> {
  const type = await defaultTypeOf(db, eventId);
  if (!type) return undefined;
  let free: number | null = type.quantity === null ? null : type.quantity - type.taken;
  const quotas = await quotasByIds(db, type.quota_ids);
  for (const q of quotas) if (q.size !== null) free = Math.min(free ?? Infinity, q.size - q.taken);
  return { type, free: free === null ? null : Math.max(0, free) };
}

/** Offers freed seats to waiting entries in queue order (caller holds the inventory lock). */
export async function offerFreedSeats(_deps: Deps, trx: Trx, eventId: string, now: Date): Promise<number> {
  const event = await eventById(trx, eventId);
  const settings = await settingsOf(trx, eventId);
  if (!event || event.status !== "published" || !settings.waitlist_enabled) return 0;
  const seats = await freeSeats(trx, eventId);
  if (!seats || seats.free === 0) return 0;
  const window = {
    salesClose: new Date(seats.type.sales_end ?? event.starts_at),
    startsAt: new Date(event.starts_at),
    offerMinutes: settings.waitlist_offer_minutes,
  };
  if (window.salesClose <= now || window.startsAt <= now) return 0;
  const waiting = await waitingEntries(trx, eventId);
  const byId = new Map(waiting.map((e) => [e.id, e]));
  let offered = 0;
  for (const { id, seats: n, expiresAt } of offersFor(waiting, seats.free, window, now)) {
    const e = byId.get(id)!;
    await markOffered(trx, e.id, expiresAt);
    await planOfferExpiry(trx, e.id, expiresAt);
    await takeSeats(trx, seats.type, n);
    await enqueue(trx, waitlistEvents.offered, {
      entryId: e.id,
      eventId,
      userId: e.user_id,
      seats: n,
      expiresAt: expiresAt.toISOString(),
      occurredAt: now.toISOString(),
    }, { source: SOURCE, occurredAt: now });
    offered++;
  }
  return offered;
}

/** Ends an open offer (declined, lapsed or left): its seats go back and move on to the next entries. */
export async function endOffer(deps: Deps, trx: Trx, entry: EntryRow, to: "declined" | "expired" | "left", now: Date): Promise<EntryRow | undefined> {
  await lockInventory(trx, entry.event_id);
  const row = await closeOffer(trx, entry.id, to, now);
  if (!row) return undefined;
  const type = await defaultTypeOf(trx, entry.event_id);
  if (type) await releaseSeats(trx, type.id, type.quota_ids, entry.seats);
  if (to === "expired") {
    await enqueue(trx, waitlistEvents.offerExpired, {
      entryId: row.id,
      eventId: row.event_id,
      userId: row.user_id,
      seats: row.seats,
      occurredAt: now.toISOString(),
    }, { source: SOURCE, occurredAt: now });
  }
  await offerFreedSeats(deps, trx, entry.event_id, now);
  return row;
}

/** An entry as its owner and the organizers see it; a waiting one with its place in the queue. */
export async function entryView(db: Knex, e: EntryRow): Promise<EntryView> {
  const position = e.status === "waiting" ? await queuePosition(db, e.event_id, e.queue_no) : null;
  return {
    id: e.id,
    eventId: e.event_id,
    userId: e.user_id,
    seats: e.seats,
    status: e.status,
    position,
    offerExpiresAt: e.offer_expires_at ? new Date(e.offer_expires_at).toISOString() : null,
    orderId: e.order_id,
    createdAt: new Date(e.created_at).toISOString(),
  };
}

/** The caller's own entry; anyone else's is not found. */
export async function ownEntry(deps: Deps, p: Principal, entryId: string): Promise<EntryRow> {
  const e = await entryById(deps.db, entryId);
  if (!e || e.user_id !== p.sub) throw notFound("waitlist entry");
  return e;
}

/** The caller's latest entry for the event, whatever its status. */
export async function latestOwnEntry(deps: Deps, p: Principal, eventId: string): Promise<EntryView> {
  const e = await latestEntryOf(deps.db, eventId, p.sub);
  if (!e) throw notFound("waitlist entry");
  return entryView(deps.db, e);
}
