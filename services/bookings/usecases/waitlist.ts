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
 */
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import type { Knex } from "knex";
import { enqueue } from "../../kit/outbox.ts";
import { AppError, notFound } from "../../kit/errors.ts";
import { type OrderView, waitlistEvents } from "../../../subjects/bookings.ts";
import type { Static } from "@sinclair/typebox";
import type { WaitlistEntryView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { offersFor } from "../waitlist-offers.ts";
import { planOfferExpiry } from "./expiry-timers.ts";
import { eventById, lockInventory, orderView, type QuotaRow, releaseSeats, settingsOf, type TicketTypeRow } from "../store.ts";

type Trx = Knex.Transaction;
export type EntryRow = {
  id: string;
  event_id: string;
  user_id: string;
  seats: number;
  status: "waiting" | "offered" | "accepted" | "declined" | "expired" | "left";
  offer_expires_at: Date | null;
  order_id: string | null;
  created_at: Date;
  queue_no: number;
};
type EntryView = Static<typeof WaitlistEntryView>;

/** Seats of the default ticket type free now (min over its own quantity and its quotas); null = unlimited. */
export async function freeSeats(db: Knex, eventId: string): Promise<{ type: TicketTypeRow; free: number | null } | undefined> {
  const type = await db<TicketTypeRow>("ticket_types").where({ event_id: eventId, is_default: true }).first();
  if (!type) return undefined;
  let free: number | null = type.quantity === null ? null : type.quantity - type.taken;
  const quotas = type.quota_ids.length ? await db<QuotaRow>("quotas").whereIn("id", type.quota_ids) : [];
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
  const waiting = await trx<EntryRow>("waitlist").where({ event_id: eventId, status: "waiting" }).orderBy("queue_no").limit(1000);
  const byId = new Map(waiting.map((e) => [e.id, e]));
  let offered = 0;
  for (const { id, seats: n, expiresAt } of offersFor(waiting, seats.free, window, now)) {
    const e = byId.get(id)!;
    await trx("waitlist").where({ id: e.id, status: "waiting" }).update({ status: "offered", offer_expires_at: expiresAt });
    await planOfferExpiry(trx, e.id, expiresAt);
    for (const q of [...seats.type.quota_ids].sort()) await trx("quotas").where({ id: q }).increment("taken", n);
    await trx("ticket_types").where({ id: seats.type.id }).increment("taken", n);
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
  const q = trx<EntryRow>("waitlist").where({ id: entry.id, status: "offered" });
  if (to === "expired") q.where("offer_expires_at", "<=", now);
  const [row] = await q.update({ status: to, offer_expires_at: null }).returning("*");
  if (!row) return undefined;
  const type = await trx<TicketTypeRow>("ticket_types").where({ event_id: entry.event_id, is_default: true }).first();
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

async function view(db: Knex, e: EntryRow): Promise<EntryView> {
  let position: number | null = null;
  if (e.status === "waiting") {
    const r = await db("waitlist").where({ event_id: e.event_id, status: "waiting" }).where("queue_no", "<=", e.queue_no).count({ n: "*" }).first();
    position = Number(r?.n ?? 1);
  }
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

export async function joinWaitlist(deps: Deps, p: Principal, eventId: string, seats: number): Promise<EntryView> {
  const now = deps.now();
  const event = await eventById(deps.db, eventId);
  if (!event || event.deleted || event.status !== "published") throw notFound("event");
  const settings = await settingsOf(deps.db, eventId);
  if (!settings.waitlist_enabled) throw new AppError("waitlist_closed", "this event has no waitlist", { status: 409 });
  if (new Date(event.starts_at) <= now) throw new AppError("sales_closed", "the event has started", { status: 409 });
  const open = await deps.db<EntryRow>("waitlist").where({ event_id: eventId, user_id: p.sub }).whereIn("status", ["waiting", "offered"]).first();
  if (open) return view(deps.db, open);
  const row = await deps.db.transaction(async (trx) => {
    await lockInventory(trx, eventId);
    const free = await freeSeats(trx, eventId);
    if (free && (free.free === null || free.free >= seats)) throw new AppError("seats_available", "seats are available: book them instead", { status: 409 });
    const [r] = await trx<EntryRow>("waitlist").insert({
      id: crypto.randomUUID(),
      event_id: eventId,
      user_id: p.sub,
      seats,
      status: "waiting",
      created_at: now,
    }).returning("*");
    return r;
  });
  return view(deps.db, row);
}

export async function myEntry(deps: Deps, p: Principal, eventId: string): Promise<EntryView> {
  const e = await deps.db<EntryRow>("waitlist").where({ event_id: eventId, user_id: p.sub }).orderBy("queue_no", "desc").first();
  if (!e) throw notFound("waitlist entry");
  return view(deps.db, e);
}

async function ownEntry(deps: Deps, p: Principal, entryId: string): Promise<EntryRow> {
  const e = await deps.db<EntryRow>("waitlist").where({ id: entryId }).first();
  if (!e || e.user_id !== p.sub) throw notFound("waitlist entry");
  return e;
}

export async function leaveWaitlist(deps: Deps, p: Principal, eventId: string): Promise<EntryView> {
  const now = deps.now();
  const e = await deps.db<EntryRow>("waitlist").where({ event_id: eventId, user_id: p.sub }).whereIn("status", ["waiting", "offered"]).first();
  if (!e) return myEntry(deps, p, eventId);
  const row = await deps.db.transaction(async (trx) => {
    if (e.status === "offered") return endOffer(deps, trx, e, "left", now);
    const [r] = await trx<EntryRow>("waitlist").where({ id: e.id, status: "waiting" }).update({ status: "left" }).returning("*");
    return r;
  });
  deps.flushOutbox();
  return view(deps.db, row ?? (await deps.db<EntryRow>("waitlist").where({ id: e.id }).first() as EntryRow));
}

export async function declineOffer(deps: Deps, p: Principal, entryId: string): Promise<EntryView> {
  const now = deps.now();
  const e = await ownEntry(deps, p, entryId);
  if (e.status === "declined") return view(deps.db, e);
  if (e.status !== "offered") throw new AppError("no_open_offer", `the entry is ${e.status}`, { status: 409 });
  await deps.db.transaction((trx) => endOffer(deps, trx, e, "declined", now));
  deps.flushOutbox();
  return view(deps.db, await ownEntry(deps, p, entryId));
}

export async function acceptOffer(deps: Deps, p: Principal, entryId: string): Promise<OrderView> {
  const e = await ownEntry(deps, p, entryId);
  if (e.status === "accepted" && e.order_id) {
    const o = await deps.db("orders").where({ id: e.order_id }).first();
    return orderView(deps.db, o);
  }
  if (e.status !== "offered" || (e.offer_expires_at && new Date(e.offer_expires_at) <= deps.now())) {
    throw new AppError("offer_expired", "the offer is no longer open", { status: 409 });
  }
  const { order } = await deps.inventory.reserve({
    eventId: e.event_id,
    userId: p.sub,
    waitlistEntryId: e.id,
    lines: [{ ticketTypeId: null, quantity: e.seats, attendees: [{ name: (await deps.displayName(p)) ?? "Guest" }] }],
  });
  return orderView(deps.db, order);
}

export async function listWaitlist(
  deps: Deps,
  eventId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: EntryView[]; nextCursor: string | null }> {
  const after = Number(decodeKeyCursor(cursor, "integer") ?? 0);
  const rows = await deps.db<EntryRow>("waitlist").where({ event_id: eventId }).where("queue_no", ">", after).orderBy("queue_no").limit(limit + 1);
  const page = rows.slice(0, limit);
  const items: EntryView[] = [];
  for (const r of page) items.push(await view(deps.db, r));
  return { items, nextCursor: rows.length > limit ? encodeKeyCursor(page[page.length - 1].queue_no) : null };
}
