/** Reads: one order, my orders, the participants of an event, and seats left. */
import type { Knex } from "knex";
import type { OrderStatus, OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../../kit/errors.ts";
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, isoOf } from "../../kit/cursor.ts";
import { eventById, type OrderRow, orderView, orderViews, quotasOf, settingsOf, typesOf } from "../store.ts";
import { assertCanRead, loadOrder } from "./transitions.ts";

// The kit's codec: a malformed cursor is a 400 naming the field, and the key keeps Postgres' microseconds.
const cursorOf = (o: { created_iso: string; id: string }) => encodeCursor({ at: o.created_iso, id: o.id });

export async function getOrder(deps: Deps, p: Principal | undefined, orderId: string): Promise<OrderView> {
  const o = await loadOrder(deps.db, orderId);
  await assertCanRead(deps, o, p);
  return orderView(deps.db, o);
}

export async function myOrders(deps: Deps, p: Principal, opts: { status?: OrderStatus; cursor?: string; limit: number }) {
  const q = deps.db<OrderRow & { created_iso: string }>("orders").select("*", deps.db.raw(`${isoOf("created_at")} as created_iso`)).where({ user_id: p.sub })
    .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(opts.limit + 1);
  if (opts.status) q.where({ status: opts.status });
  const c = decodeCursor(opts.cursor);
  if (c) q.whereRaw("(created_at, id) < (?::timestamptz, ?)", [c.at, c.id]);
  const rows = await q;
  const page = rows.slice(0, opts.limit);
  return { items: await orderViews(deps.db, page), nextCursor: rows.length > opts.limit ? cursorOf(page[page.length - 1]) : null };
}

type ParticipantRow = {
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

/** One row per ticket, newest order first, with counts per order status over the whole event. */
export async function registrations(deps: Deps, eventId: string, opts: { status?: OrderStatus; q?: string; cursor?: string; limit: number }) {
  const q = participants(deps.db, eventId, opts).orderBy([{ column: "t.id", order: "asc" }]).limit(opts.limit + 1);
  const after = decodeKeyCursor(opts.cursor, "uuid");
  if (after) q.where("t.id", ">", after);
  const rows: ParticipantRow[] = await q;
  const page = rows.slice(0, opts.limit);
  const countRows: Array<{ status: string; n: number }> = await deps.db("tickets as t").join("orders as o", "o.id", "t.order_id").where("t.event_id", eventId)
    .groupBy("o.status").select("o.status", deps.db.raw("count(*)::int as n"));
  return {
    items: page.map((r) => ({
      ticketId: r.ticket_id,
      orderId: r.order_id,
      userId: r.user_id,
      attendeeName: r.attendee_name,
      attendeeEmail: r.attendee_email,
      ticketTypeName: r.type_name,
      status: r.status,
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      bookedAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: rows.length > opts.limit ? encodeKeyCursor(page[page.length - 1].ticket_id) : null,
    counts: Object.fromEntries(countRows.map((r) => [r.status, Number(r.n)])),
  };
}

/**
 * Bookers of the event's attending orders (confirmed or partially refunded), each once, in id
 * order: a page of at most `limit` after `after`. With a ticket type, only those holding a ticket
 * of it; with checkedIn, only those with (true) or without (false) a checked-in ticket.
 */
export async function attendeeIds(
  deps: Deps,
  eventId: string,
  opts: { ticketTypeId?: string; checkedIn?: boolean; after?: string; limit: number },
): Promise<{ userIds: string[]; last: string | null }> {
  const q = deps.db("orders as o")
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
  const userIds = rows.map((r) => r.user_id);
  return { userIds, last: userIds.length === opts.limit ? userIds[userIds.length - 1] : null };
}

/** Seats left, from the inventory's own counters (kept by every reservation and release). */
export async function availability(deps: Deps, eventId: string) {
  const event = await eventById(deps.db, eventId);
  if (!event || event.deleted) throw notFound("event");
  const [quotas, types, settings] = await Promise.all([quotasOf(deps.db, eventId), typesOf(deps.db, eventId), settingsOf(deps.db, eventId)]);
  const byId = new Map(quotas.map((q) => [q.id, q]));
  const cap = quotas.find((q) => q.is_capacity);
  const now = deps.now();
  const ticketTypes = types
    .filter((t) => t.visibility === "public")
    .map((t) => {
      let remaining: number | null = t.quantity === null ? null : t.quantity - t.taken;
      for (const id of t.quota_ids) {
        const q = byId.get(id);
        if (q && q.size !== null) remaining = Math.min(remaining ?? Infinity, q.size - q.taken);
      }
      const closes = t.sales_end ? new Date(t.sales_end) : new Date(event.starts_at);
      const onSale = event.status === "published" && (!t.sales_start || new Date(t.sales_start) <= now) && closes > now;
      return {
        id: t.id,
        name: t.name,
        priceMinor: t.price_minor,
        currency: t.price_minor > 0 ? t.currency : null,
        remaining: remaining === null ? null : Math.max(0, remaining),
        onSale,
      };
    });
  const remaining = cap && cap.size !== null ? Math.max(0, cap.size - cap.taken) : null;
  const soldOut = remaining === 0 || (ticketTypes.length > 0 && ticketTypes.every((t) => t.remaining === 0));
  const open = event.status === "published" && new Date(event.starts_at) > now;
  return { eventId, capacity: cap?.size ?? null, remaining, soldOut, waitlistOpen: soldOut && open && settings.waitlist_enabled, ticketTypes };
}
