/** bookings' queries on tickets and check-ins (tickets joined with their order and type). */
import type { Knex } from "knex";
import type { OrderRow, TicketRow } from "../store.ts";

/** A ticket with what its views need: its order's status and owner, its type's name. */
export type JoinedTicket = TicketRow & { order_status: OrderRow["status"]; user_id: string; type_name: string };

function joined(db: Knex, where: (q: Knex.QueryBuilder) => void): Promise<JoinedTicket[]> {
  const q = db("tickets as t")
    .join("orders as o", "o.id", "t.order_id")
    .join("ticket_types as tt", "tt.id", "t.ticket_type_id")
    .select("t.*", "o.status as order_status", "o.user_id", "tt.name as type_name");
  where(q);
  return q;
}

export const ticketById = async (db: Knex, id: string): Promise<JoinedTicket | undefined> => (await joined(db, (q) => q.where("t.id", id)))[0];
export const ticketsOfOrder = (db: Knex, orderId: string) => joined(db, (q) => q.where("t.order_id", orderId).orderBy("t.seq"));
export const ticketsOfEvent = (db: Knex, eventId: string) => joined(db, (q) => q.where("t.event_id", eventId).orderBy("t.attendee_name"));
export const orderById = (db: Knex, id: string): Promise<OrderRow | undefined> => db<OrderRow>("orders").where({ id }).first() as Promise<OrderRow | undefined>;

/**
 * Checks a ticket in, if it is not yet, or (offline) if it was only by a later scan: the first
 * scan wins, so two doors scanning the same code at once admit once. The updated row, or undefined.
 */
export async function markCheckedIn(trx: Knex.Transaction, ticketId: string, s: { at: Date; by: string; offline: boolean }): Promise<TicketRow | undefined> {
  const q = trx<TicketRow>("tickets").where({ id: ticketId });
  if (s.offline) q.where((w) => w.whereNull("checked_in_at").orWhere("checked_in_at", ">", s.at));
  else q.whereNull("checked_in_at");
  const [row] = await q.update({ checked_in_at: s.at, checked_in_by: s.by, checked_in_offline: s.offline }).returning("*");
  return row as TicketRow | undefined;
}

type CheckInFilter = { ticketTypeId?: string; checkedIn?: boolean };

/** Confirmed tickets of an event by id (limit + 1 rows after `after`), and how many there are and are checked in. */
export async function checkInPage(db: Knex, eventId: string, f: CheckInFilter, after: string | undefined, limit: number) {
  const base = (q: Knex.QueryBuilder) => {
    q.where("t.event_id", eventId).where("o.status", "confirmed");
    if (f.ticketTypeId) q.where("t.ticket_type_id", f.ticketTypeId);
  };
  const rows = await joined(db, (q) => {
    base(q);
    if (f.checkedIn === true) q.whereNotNull("t.checked_in_at");
    if (f.checkedIn === false) q.whereNull("t.checked_in_at");
    if (after) q.where("t.id", ">", after);
    q.orderBy("t.id").limit(limit + 1);
  });
  const counts = await db("tickets as t").join("orders as o", "o.id", "t.order_id").modify(base).select(
    db.raw("count(*)::int as total"),
    db.raw("count(t.checked_in_at)::int as checked_in"),
  ).first();
  return { rows, total: Number(counts?.total ?? 0), checkedIn: Number(counts?.checked_in ?? 0) };
}
