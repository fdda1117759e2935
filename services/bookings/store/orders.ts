/** bookings' queries on orders: the lists (a booker's orders, an event's participants and attendees) and the guarded transitions after a reservation. */
import type { Knex } from "knex";
import type { OrderStatus } from "../../../subjects/bookings.ts";
import { outboxInsertSql, type OutboxRow } from "../../kit/outbox.ts";
import { isoOf } from "../../kit/cursor.ts";
import { type Db, inHeldTransaction, sqlLiteral } from "../../kit/db.ts";
import { sqlUnnest, sqlValue } from "../../kit/sql-arrays.ts";
import { HELD, jsonRows, type LineRow, type OrderRow, type TicketRow } from "../store.ts";

/** A booker's orders, newest first, `limit + 1` of them (the extra one says there is a next page), with created_at exact to the microsecond. */
export async function ordersOfUser(
  db: Knex,
  userId: string,
  opts: { status?: OrderStatus; before?: { at: string; id: string }; limit: number },
): Promise<Array<OrderRow & { created_iso: string }>> {
  const q = db<OrderRow & { created_iso: string }>("orders").select("*", db.raw(`${isoOf("created_at")} as created_iso`)).where({ user_id: userId })
    .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(opts.limit + 1);
  if (opts.status) q.where({ status: opts.status });
  const c = opts.before;
  if (c) q.whereRaw("(created_at, id) < (?::timestamptz, ?)", [c.at, c.id]);
  return await q;
}

export type ParticipantRow = {
  ticket_id: string;
  order_id: string;
  user_id: string;
  attendee_name: string;
  attendee_email: string | null;
  type_name: string;
  status: OrderStatus;
  checked_in_at: Date | null;
  created_at: Date;
  seq: number;
};

function participants(db: Knex, eventId: string, opts: { status?: OrderStatus; q?: string }) {
  const q = db("tickets as t")
    .join("orders as o", "o.id", "t.order_id")
    .join("ticket_types as tt", "tt.id", "t.ticket_type_id")
    .where("t.event_id", eventId)
    .select(
      "t.id as ticket_id",
      "t.order_id",
      "o.user_id",
      "t.attendee_name",
      "t.attendee_email",
      "tt.name as type_name",
      "o.status",
      "t.checked_in_at",
      "o.created_at",
      "t.seq",
    );
  if (opts.status) q.where("o.status", opts.status);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q.where((w) => w.whereILike("t.attendee_name", like).orWhereILike("t.attendee_email", like));
  }
  return q;
}

/** An event's tickets with their order and type, in ticket id order after `after`, `limit + 1` of them; `q` matches name or email. */
export async function participantsPage(
  db: Knex,
  eventId: string,
  opts: { status?: OrderStatus; q?: string; after?: string; limit: number },
): Promise<ParticipantRow[]> {
  const q = participants(db, eventId, opts).orderBy([{ column: "t.id", order: "asc" }]).limit(opts.limit + 1);
  if (opts.after) q.where("t.id", ">", opts.after);
  return await q;
}

/** How many of the event's tickets are in orders of each status. */
export async function ticketCountsByStatus(db: Knex, eventId: string): Promise<Array<{ status: string; n: number }>> {
  return await db("tickets as t").join("orders as o", "o.id", "t.order_id").where("t.event_id", eventId)
    .groupBy("o.status").select("o.status", db.raw("count(*)::int as n"));
}

/**
 * Bookers of the event's attending orders (confirmed or partially refunded), each once, in id
 * order: at most `limit` after `after`. With a ticket type, only those holding a ticket of it;
 * with checkedIn, only those with (true) or without (false) a checked-in ticket.
 */
export async function attendingUserIds(
  db: Knex,
  eventId: string,
  opts: { ticketTypeId?: string; checkedIn?: boolean; after?: string; limit: number },
): Promise<string[]> {
  const q = db("orders as o")
    .join("tickets as t", "t.order_id", "o.id")
    .where("o.event_id", eventId)
    .whereIn("o.status", ["confirmed", "partially_refunded"])
    .groupBy("o.user_id")
    .orderBy("o.user_id")
    .limit(opts.limit)
    .select("o.user_id");
  if (opts.ticketTypeId) q.where("t.ticket_type_id", opts.ticketTypeId);
  if (opts.after) q.where("o.user_id", ">", opts.after);
  if (opts.checkedIn !== undefined) q.havingRaw("bool_or(t.checked_in_at is not null) = ?", [opts.checkedIn]);
  const rows: Array<{ user_id: string }> = await q;
  return rows.map((r) => r.user_id);
}

/** The order, its row locked until the transaction ends. */
export async function lockOrder(trx: Knex.Transaction, orderId: string): Promise<OrderRow | undefined> {
  return await trx<OrderRow>("orders").where({ id: orderId }).forUpdate().first();
}

/** An order row with its lines and its tickets (in seq order), as one statement reads them. */
export type OrderWithItems = { order: OrderRow; lines: LineRow[]; tickets: TicketRow[] };

/** The lines and tickets of each row of `o`, as JSON columns. */
const ITEMS = `(select coalesce(json_agg(l), '[]') from order_lines l where l.order_id = o.id) as lines_json,
       (select coalesce(json_agg(t order by t.seq), '[]') from tickets t where t.order_id = o.id) as tickets_json`;

function withItems(r: Record<string, unknown> | undefined): OrderWithItems | undefined {
  if (!r) return undefined;
  const { lines_json, tickets_json, ...order } = r;
  return { order: order as OrderRow, lines: jsonRows<LineRow>(lines_json), tickets: jsonRows<TicketRow>(tickets_json) };
}

/** The order with its lines and tickets, in one statement (what its view needs). */
export async function orderWithItems(db: Knex, orderId: string): Promise<OrderWithItems | undefined> {
  const { rows } = await db.raw(`select o.*, ${ITEMS} from orders o where o.id = ?`, [orderId]) as { rows: Array<Record<string, unknown>> };
  return withItems(rows[0]);
}

/**
 * Held → awaiting this payment, if the order is held by another payment or none and its hold is not
 * over at `now` — one guarded UPDATE that answers the order with its lines and tickets — and, when
 * it moved, the statements `eventsOf(order)` gives (its outbox rows, kit's outboxSql): one
 * transaction in two round trips on a held connection (kit/db.ts inHeldTransaction), `begin` with the
 * UPDATE, then the events with `commit`, so the row's lock is held for one round trip. Undefined
 * (and nothing written) when it did not move: gone, expired, or already awaiting this very payment.
 */
export async function markAwaitingPayment(
  db: Db,
  orderId: string,
  paymentId: string,
  now: Date,
  eventsOf: (order: OrderRow) => { statements: string[]; committed(): void },
): Promise<OrderWithItems | undefined> {
  let committed: (() => void) | undefined;
  const moved = await inHeldTransaction(db, async (send) => {
    const at = sqlValue(now);
    const [rows] = await send([
      `with o as (
         update orders set status = 'awaiting_payment', payment_id = ${sqlLiteral(paymentId)}, updated_at = ${at}
          where id = ${sqlLiteral(orderId)} and status in (${HELD.map(sqlLiteral).join(", ")}) and (reserved_until is null or reserved_until > ${at})
            and not (status = 'awaiting_payment' and payment_id is not distinct from ${sqlLiteral(paymentId)}::uuid)
         returning *)
       select o.*, ${ITEMS} from o`,
    ]);
    const moved = withItems(rows[0]);
    if (!moved) return { result: undefined, rollback: true };
    const events = eventsOf(moved.order);
    committed = events.committed;
    return { result: moved, end: events.statements };
  });
  committed?.();
  return moved;
}

/**
 * Settles orders paid by a batch of callbacks: locks their rows in id order (two batches that
 * share an order cannot deadlock), lets `decide` pick from the rows as locked the orders to
 * confirm and their events, and confirms the ones still held (each by its payment) with their
 * outbox rows — one transaction in two round trips on a held connection (kit/db.ts
 * inHeldTransaction): `begin` with the lock, then the update and the events with `commit`. knex
 * would send BEGIN, the lock, the write and COMMIT apart, and payments' callback batch holds its
 * own row locks while it waits for this.
 */
export async function settleOrders<T>(
  db: Db,
  ids: string[],
  now: Date,
  decide: (rows: OrderRow[]) => { confirm: OrderRow[]; outbox: OutboxRow[]; result: T },
): Promise<T> {
  return await inHeldTransaction(db, async (send) => {
    const [rows] = await send([`select * from orders where id in (${ids.map(sqlLiteral).join(", ")}) order by id for update`]);
    const { confirm, outbox, result } = decide(rows as OrderRow[]);
    const end = confirm.length
      ? [
        `update orders o set status = 'confirmed', payment_id = v.payment_id, reserved_until = null, updated_at = ${sqlValue(now)}
           from ${sqlUnnest(confirm, [["id", "uuid"], ["payment_id", "uuid"]])} as v(order_id, payment_id)
          where o.id = v.order_id and o.status in (${HELD.map(sqlLiteral).join(", ")})`,
        ...(outbox.length ? [outboxInsertSql(outbox)] : []),
      ]
      : [];
    return { result, end };
  });
}

/** Moves the order to `patch.status` if it is in one of `from`; undefined when it was not. */
export async function moveOrder(
  trx: Knex.Transaction,
  orderId: string,
  from: OrderStatus[],
  patch: Partial<OrderRow> & { status: OrderStatus },
  now: Date,
): Promise<OrderRow | undefined> {
  const [row] = await trx<OrderRow>("orders").where({ id: orderId }).whereIn("status", from).update({ ...patch, updated_at: now }).returning("*");
  return row;
}

/** Expires the order if it is still held and its hold is over; undefined when it was not. */
export async function expireHeld(trx: Knex.Transaction, orderId: string, now: Date): Promise<OrderRow | undefined> {
  const [row] = await trx<OrderRow>("orders").where({ id: orderId }).whereIn("status", HELD).where("reserved_until", "<=", now).update({
    status: "expired",
    updated_at: now,
  }).returning("*");
  return row;
}

/** Sets the refunded amount (set, not added) if it grows; undefined when it did not. */
export async function markRefunded(
  trx: Knex.Transaction,
  orderId: string,
  refundedMinor: number,
  status: OrderStatus,
  now: Date,
): Promise<OrderRow | undefined> {
  const [row] = await trx<OrderRow>("orders").where({ id: orderId }).where("refunded_minor", "<", refundedMinor).update({
    refunded_minor: refundedMinor,
    status,
    updated_at: now,
  }).returning("*");
  return row;
}
