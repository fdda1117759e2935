/** bookings' queries on the waitlist, and the seat counters an offer takes. */
import type { Knex } from "knex";
import type { QuotaRow, TicketTypeRow } from "../store.ts";

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

/** The event's default ticket type: the one seat-only bookings and the waitlist use. */
export async function defaultTypeOf(db: Knex, eventId: string): Promise<TicketTypeRow | undefined> {
  return await db<TicketTypeRow>("ticket_types").where({ event_id: eventId, is_default: true }).first();
}

export async function quotasByIds(db: Knex, ids: string[]): Promise<QuotaRow[]> {
  return ids.length ? await db<QuotaRow>("quotas").whereIn("id", ids) : [];
}

/** The head of the event's queue (at most 1000 waiting entries, in queue order). */
export async function waitingEntries(trx: Knex.Transaction, eventId: string): Promise<EntryRow[]> {
  return await trx<EntryRow>("waitlist").where({ event_id: eventId, status: "waiting" }).orderBy("queue_no").limit(1000);
}

/** Offers seats to an entry still waiting, until `expiresAt`. */
export async function markOffered(trx: Knex.Transaction, entryId: string, expiresAt: Date): Promise<void> {
  await trx("waitlist").where({ id: entryId, status: "waiting" }).update({ status: "offered", offer_expires_at: expiresAt });
}

/** An offer's seats leave the default type's counters (its quotas in id order, as every writer takes them). */
export async function takeSeats(trx: Knex.Transaction, type: TicketTypeRow, seats: number): Promise<void> {
  for (const q of [...type.quota_ids].sort()) await trx("quotas").where({ id: q }).increment("taken", seats);
  await trx("ticket_types").where({ id: type.id }).increment("taken", seats);
}

/** Ends the entry's open offer (an expiry only once its time has come); undefined when it was not open. */
export async function closeOffer(
  trx: Knex.Transaction,
  entryId: string,
  to: "declined" | "expired" | "left",
  now: Date,
): Promise<EntryRow | undefined> {
  const q = trx<EntryRow>("waitlist").where({ id: entryId, status: "offered" });
  if (to === "expired") q.where("offer_expires_at", "<=", now);
  const [row] = await q.update({ status: to, offer_expires_at: null }).returning("*");
  return row;
}

/** How many waiting entries of the event are at or ahead of this queue number. */
export async function queuePosition(db: Knex, eventId: string, queueNo: number): Promise<number> {
  const r = await db("waitlist").where({ event_id: eventId, status: "waiting" }).where("queue_no", "<=", queueNo).count({ n: "*" }).first();
  return Number(r?.n ?? 1);
}

export async function openEntryOf(db: Knex, eventId: string, userId: string): Promise<EntryRow | undefined> {
  return await db<EntryRow>("waitlist").where({ event_id: eventId, user_id: userId }).whereIn("status", ["waiting", "offered"]).first();
}

export async function latestEntryOf(db: Knex, eventId: string, userId: string): Promise<EntryRow | undefined> {
  return await db<EntryRow>("waitlist").where({ event_id: eventId, user_id: userId }).orderBy("queue_no", "desc").first();
}

export async function entryById(db: Knex, id: string): Promise<EntryRow | undefined> {
  return await db<EntryRow>("waitlist").where({ id }).first();
}

export async function insertEntry(
  trx: Knex.Transaction,
  row: Pick<EntryRow, "id" | "event_id" | "user_id" | "seats" | "status" | "created_at">,
): Promise<EntryRow> {
  const [r] = await trx<EntryRow>("waitlist").insert(row).returning("*");
  return r as EntryRow;
}

/** A waiting entry leaves the queue; undefined when it was no longer waiting. */
export async function leaveQueue(trx: Knex.Transaction, entryId: string): Promise<EntryRow | undefined> {
  const [r] = await trx<EntryRow>("waitlist").where({ id: entryId, status: "waiting" }).update({ status: "left" }).returning("*");
  return r;
}

/** The event's entries in queue order after `after`, `limit + 1` of them. */
export async function entriesPage(db: Knex, eventId: string, after: number, limit: number): Promise<EntryRow[]> {
  return await db<EntryRow>("waitlist").where({ event_id: eventId }).where("queue_no", ">", after).orderBy("queue_no").limit(limit + 1);
}

/** The entry, if its offer is still open. */
export async function openOffer(db: Knex, id: string): Promise<EntryRow | undefined> {
  return await db<EntryRow>("waitlist").where({ id, status: "offered" }).first();
}
