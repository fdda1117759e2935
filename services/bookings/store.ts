/** The bookings service's queries and row shapes. */
import type { Knex } from "knex";
import { outboxInsertSql, type OutboxRow } from "../kit/outbox.ts";
import { type Db, holdConnection, prepared, sqlLiteral } from "../kit/db.ts";
import { arrayLiteral, sqlUnnest } from "../kit/sql-arrays.ts";
import type { OrderStatus, OrderView, TicketView } from "../../subjects/bookings.ts";

export type EventRow = {
  event_id: string;
  organizer_id: string;
  organization_id: string | null;
  status: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  sequence: number;
  deleted: boolean;
};

export type QuotaRow = { id: string; event_id: string; name: string; size: number | null; taken: number; is_capacity: boolean };

export type TicketTypeRow = {
  id: string;
  event_id: string;
  name: string;
  price_minor: number;
  currency: string | null;
  quantity: number | null;
  taken: number;
  sales_start: Date | null;
  sales_end: Date | null;
  max_per_order: number;
  visibility: "public" | "hidden";
  quota_ids: string[];
  is_default: boolean;
};

export type OrderRow = {
  id: string;
  event_id: string;
  user_id: string;
  status: OrderStatus;
  seats: number;
  total_minor: number;
  currency: string | null;
  refunded_minor: number;
  reserved_until: Date | null;
  payment_id: string | null;
  cancel_reason: string | null;
  waitlist_entry_id: string | null;
  created_at: Date;
  updated_at: Date;
};

export type LineRow = { order_id: string; ticket_type_id: string; name: string; quantity: number; unit_price_minor: number; quota_ids: string[] };

export type TicketRow = {
  id: string;
  order_id: string;
  event_id: string;
  ticket_type_id: string;
  seq: number;
  attendee_name: string;
  attendee_email: string | null;
  checked_in_at: Date | null;
  checked_in_by: string | null;
  checked_in_offline?: boolean;
};

export type SettingsRow = {
  event_id: string;
  hold_minutes: number;
  cancel_deadline_hours: number;
  refund_percent: number;
  waitlist_enabled: boolean;
  waitlist_offer_minutes: number;
};

export const ACTIVE: OrderStatus[] = ["reserved", "awaiting_payment", "confirmed"];
export const HELD: OrderStatus[] = ["reserved", "awaiting_payment"];

export async function eventById(db: Knex, eventId: string): Promise<EventRow | undefined> {
  return db<EventRow>("events").where({ event_id: eventId }).first();
}

export async function settingsOf(db: Knex, eventId: string): Promise<SettingsRow> {
  const row = await db<SettingsRow>("event_settings").where({ event_id: eventId }).first();
  return row ?? defaultSettings(eventId);
}

const defaultSettings = (eventId: string): SettingsRow => ({
  event_id: eventId,
  hold_minutes: 15,
  cancel_deadline_hours: 0,
  refund_percent: 100,
  waitlist_enabled: true,
  waitlist_offer_minutes: 720,
});

/**
 * Takes the event's inventory lock: the row of its capacity quota. Every change of an event's
 * counters (reserve, release, waitlist offers) goes through it first, so they serialize per event
 * across replicas and always lock in the same order (capacity quota, then the rest).
 */
export async function lockInventory(trx: Knex.Transaction, eventId: string): Promise<QuotaRow | undefined> {
  return trx<QuotaRow>("quotas").where({ event_id: eventId, is_capacity: true }).forUpdate().first();
}

export async function quotasOf(db: Knex, eventId: string): Promise<QuotaRow[]> {
  return db<QuotaRow>("quotas").where({ event_id: eventId }).orderBy("created_at").orderBy("id");
}

export async function typesOf(db: Knex, eventId: string): Promise<TicketTypeRow[]> {
  return db<TicketTypeRow>("ticket_types").where({ event_id: eventId }).orderBy("created_at").orderBy("id");
}

/** Gives an order's seats back to its ticket types and quotas (caller holds the inventory lock). */
export async function release(trx: Knex.Transaction, orderId: string): Promise<void> {
  const lines = await trx<LineRow>("order_lines").where({ order_id: orderId });
  for (const l of lines) await releaseSeats(trx, l.ticket_type_id, l.quota_ids, l.quantity);
}

export async function releaseSeats(trx: Knex.Transaction, ticketTypeId: string | null, quotaIds: string[], n: number): Promise<void> {
  for (const q of [...quotaIds].sort()) await trx("quotas").where({ id: q }).decrement("taken", n);
  if (ticketTypeId) await trx("ticket_types").where({ id: ticketTypeId }).decrement("taken", n);
}

export function ticketView(t: TicketRow, typeName: string, orderStatus: OrderStatus): TicketView {
  return {
    id: t.id,
    orderId: t.order_id,
    eventId: t.event_id,
    ticketTypeId: t.ticket_type_id,
    ticketTypeName: typeName,
    attendeeName: t.attendee_name,
    attendeeEmail: t.attendee_email,
    status: ACTIVE.includes(orderStatus) ? "valid" : "cancelled",
    checkedInAt: t.checked_in_at ? new Date(t.checked_in_at).toISOString() : null,
  };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Orders with their lines and tickets, as the contract's view, in the given order: one statement. */
export async function orderViews(db: Knex, orders: OrderRow[]): Promise<OrderView[]> {
  if (orders.length === 0) return [];
  const ids = orders.map((o) => o.id);
  const { rows } = await db.raw(
    `select (select coalesce(json_agg(l), '[]') from order_lines l where l.order_id = any(?::uuid[])) as lines,
            (select coalesce(json_agg(t order by t.seq), '[]') from tickets t where t.order_id = any(?::uuid[])) as tickets`,
    [ids, ids] as never,
  ) as { rows: Array<{ lines: unknown; tickets: unknown }> };
  return viewsOf(orders, jsonRows<LineRow>(rows[0].lines), jsonRows<TicketRow>(rows[0].tickets));
}

/** Rows that a query aggregated with json_agg (pg parses json; an embedded database may hand back the text). */
export function jsonRows<T>(v: unknown): T[] {
  return (typeof v === "string" ? JSON.parse(v) : v ?? []) as T[];
}

/** The contract's view of orders whose lines and tickets are at hand (tickets in seq order). */
export function viewsOf(orders: OrderRow[], lines: LineRow[], tickets: TicketRow[]): OrderView[] {
  return orders.map((o) => {
    const ls = lines.filter((l) => l.order_id === o.id);
    const names = new Map(ls.map((l) => [l.ticket_type_id, l.name]));
    return {
      id: o.id,
      eventId: o.event_id,
      userId: o.user_id,
      status: o.status,
      seats: o.seats,
      totalMinor: o.total_minor,
      currency: o.currency,
      refundedMinor: o.refunded_minor,
      reservedUntil: HELD.includes(o.status) ? iso(o.reserved_until) : null,
      paymentId: o.payment_id,
      lines: ls.map((l) => ({ ticketTypeId: l.ticket_type_id, name: l.name, quantity: l.quantity, unitPriceMinor: l.unit_price_minor })),
      tickets: tickets.filter((t) => t.order_id === o.id).map((t) => ticketView(t, names.get(t.ticket_type_id) ?? "", o.status)),
      cancelReason: (o.cancel_reason ?? null) as OrderView["cancelReason"],
      createdAt: new Date(o.created_at).toISOString(),
      updatedAt: new Date(o.updated_at).toISOString(),
    };
  });
}

export async function orderView(db: Knex, order: OrderRow): Promise<OrderView> {
  return (await orderViews(db, [order]))[0];
}

/** The facts every booking event carries. */
export function factsOf(o: OrderRow, at: Date) {
  return {
    orderId: o.id,
    eventId: o.event_id,
    userId: o.user_id,
    status: o.status,
    totalMinor: o.total_minor,
    currency: o.currency,
    seats: o.seats,
    occurredAt: at.toISOString(),
  };
}

/** Display names of the people the projection knows, by user id. */
export async function displayNamesOf(db: Knex, userIds: string[]): Promise<Map<string, string>> {
  const rows: Array<{ user_id: string; display_name: string }> = await db("people").whereIn("user_id", userIds).select("user_id", "display_name");
  return new Map(rows.map((r) => [r.user_id, r.display_name]));
}

/** Keeps the newest display name known for a user (a fact older than the stored one is ignored). */
export async function upsertDisplayName(db: Knex, userId: string, displayName: string, asOf: Date): Promise<void> {
  await db.raw(
    `insert into people (user_id, display_name, as_of) values (?, ?, ?)
     on conflict (user_id) do update set display_name = excluded.display_name, as_of = excluded.as_of
     where people.as_of <= excluded.as_of`,
    [userId, displayName, asOf],
  );
}

const SOLD: OrderStatus[] = ["confirmed", "partially_refunded"];

/** Tickets and orders sold per UTC day of booking. */
export async function salesByDay(db: Knex, eventId: string): Promise<Array<{ date: string; tickets: number; orders: number }>> {
  const { rows } = await db.raw(
    `select to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD') as date, sum(o.seats)::int as tickets, count(*)::int as orders
       from orders o where o.event_id = ? and o.status = any(?) group by 1 order by 1`,
    [eventId, SOLD],
  );
  return rows;
}

/** Per ticket type (in creation order): sold, held, checked in and revenue before refunds. */
export async function salesByType(db: Knex, eventId: string) {
  const { rows } = await db.raw(
    `select t.id, t.name, t.quantity, t.currency, t.visibility,
            coalesce(sum(l.quantity) filter (where o.status = any(:sold)), 0)::int as sold,
            coalesce(sum(l.quantity) filter (where o.status = any(:held)), 0)::int as held,
            coalesce(sum(l.quantity * l.unit_price_minor) filter (where o.status = any(:sold)), 0)::bigint as revenue,
            (select count(*) from tickets k join orders ko on ko.id = k.order_id
              where k.ticket_type_id = t.id and k.checked_in_at is not null and ko.status = any(:sold))::int as checked_in
       from ticket_types t
       left join order_lines l on l.ticket_type_id = t.id
       left join orders o on o.id = l.order_id
      where t.event_id = :eventId
      group by t.id order by t.created_at, t.id`,
    { eventId, sold: SOLD, held: HELD },
  );
  return rows as Array<
    {
      id: string;
      name: string;
      quantity: number | null;
      currency: string | null;
      visibility: string;
      sold: number;
      held: number;
      revenue: string;
      checked_in: number;
    }
  >;
}

/** Everything a batch of reservations reads, after it holds the event's inventory lock. */
export type InventoryState = { event?: EventRow; settings: SettingsRow; quotas: QuotaRow[]; types: TicketTypeRow[] };

/** An offered waitlist entry a batch turns into an order. */
export type OfferedEntry = { id: string; seats: number; user_id: string };

/** The rows a batch of reservations writes for its orders (outbox[i] announces orders[i]). */
export type BatchRows = { orders: OrderRow[]; lines: LineRow[]; tickets: TicketRow[]; outbox: OutboxRow[] };

/** What a batch writes once it holds the lock: rows it wrote before that are dropped, rows to add, the counters as it leaves them, the offers it accepted. */
export type BatchFinish = {
  /** Orders written before the lock that the decision under it does not keep (their lines and tickets go with them). */
  dropped: string[];
  rows: BatchRows;
  quotas: Array<{ id: string; taken: number }>;
  types: Array<{ id: string; taken: number }>;
  accepted: Array<{ entryId: string; orderId: string }>;
  /** Further statements of the same transaction (timers, outbox rows dropped: kit/timers.ts, kit/outbox.ts). */
  more: string[];
};

/** A batch's transaction on a connection of its own, from its first write to its commit. */
export type InventoryBatch = {
  /**
   * The event's inventory as committed now, read before the transaction and without the lock: what
   * a batch with no projection expects from. Never a decision: the counters may move before the lock.
   */
  peek(eventId: string): Promise<InventoryState>;
  /** Opens the transaction and writes `rows` (with `more`) in one round trip, before the lock is asked for. */
  write(rows: BatchRows, more: string[]): Promise<void>;
  /**
   * Takes the event's inventory lock (lockInventory's row) and reads, each in its own statement so
   * its snapshot is taken after the lock was granted (the counters it reads are the committed
   * ones), the event, its rules, quotas and ticket types and the offered waitlist entries named.
   */
  lock(eventId: string, entryIds: string[]): Promise<{ state?: InventoryState; entries: Map<string, OfferedEntry> }>;
  /** Writes and commits in one round trip (releases the connection, also on failure). */
  commit(finish: BatchFinish): Promise<void>;
  rollback(): Promise<void>;
};

/**
 * A batch's transaction, three round trips on one held connection: BEGIN with the rows it expects
 * to keep (no lock is held while Postgres inserts them, so a batch does its heaviest statement
 * while the previous batch holds the lock), the lock with the reads under it, then the
 * corrections, counters and COMMIT. The lock is held for one read's answer, the decisions made in
 * memory and one small write.
 */
export async function openInventoryBatch(db: Db): Promise<InventoryBatch> {
  const conn = await holdConnection(db);
  let begun = false;
  const begin = () => (begun ? "" : ((begun = true), "begin;\n"));
  let ended = false;
  const end = async (sql: () => string) => {
    if (ended) return;
    ended = true;
    try {
      await conn.send(sql());
    } catch (err) {
      await conn.send("rollback").catch(() => undefined);
      throw err;
    } finally {
      conn.release();
    }
  };
  // A failed write or read leaves the transaction for the caller's rollback (which releases the connection).
  return {
    async write(rows, more) {
      const statements = [...rowWrites(rows), ...more];
      if (statements.length) await conn.send(begin() + statements.join(";\n"));
    },
    async peek(eventId) {
      if (begun) throw new Error("peek reads before the batch's transaction");
      const [[row]] = await conn.send(conn.prepared([readInventory]) + inventorySql(eventId));
      return inventoryOf(eventId, row);
    },
    async lock(eventId, entryIds) {
      const results = await conn.send(
        `${conn.prepared([lockQuota, readInventory])}${begin()}${lockQuota.execute(sqlLiteral(eventId))};\n${inventorySql(eventId)}` +
          (entryIds.length ? `;\n ${offeredEntriesSql(entryIds)}` : ""),
      );
      const [locked, [row], offered = []] = results.slice(results.length - (entryIds.length ? 3 : 2));
      return {
        state: locked.length ? inventoryOf(eventId, row) : undefined,
        entries: new Map((offered as OfferedEntry[]).map((e) => [e.id, e])),
      };
    },
    commit: (finish) =>
      end(() => {
        const statements = [...finishWrites(finish), "commit"].join(";\n");
        return conn.prepared([setQuotaTaken, setTypeTaken]) + statements;
      }),
    rollback: () => end(() => "rollback"),
  };
}

/**
 * The batch's fixed statements, prepared on each connection once (kit/db.ts prepared): planning
 * the inventory read, the lock and the counters' updates cost Postgres more than running them —
 * 1.2 of 2.7 s of statement time in the spread load (pg_stat_statements, session 12).
 */
const lockQuota = prepared("bookings_lock_quota", ["uuid"], "select id from quotas where event_id = $1 and is_capacity for update");
/** The event, its rules, quotas and ticket types, in one row. */
const readInventory = prepared(
  "bookings_read_inventory",
  ["uuid"],
  `select (select row_to_json(e) from events e where e.event_id = $1) as event,
          (select row_to_json(s) from event_settings s where s.event_id = $1) as settings,
          (select coalesce(json_agg(q), '[]') from quotas q where q.event_id = $1) as quotas,
          (select coalesce(json_agg(t), '[]') from ticket_types t where t.event_id = $1) as types`,
);
const setQuotaTaken = prepared("bookings_set_quota_taken", ["int", "uuid"], "update quotas set taken = $1 where id = $2");
const setTypeTaken = prepared("bookings_set_type_taken", ["int", "uuid"], "update ticket_types set taken = $1 where id = $2");

const inventorySql = (eventId: string) => readInventory.execute(sqlLiteral(eventId));

function inventoryOf(eventId: string, row: Record<string, unknown>): InventoryState {
  const r = row as { event: EventRow | null; settings: SettingsRow | null; quotas: QuotaRow[]; types: TicketTypeRow[] };
  return { event: r.event ?? undefined, settings: r.settings ?? defaultSettings(eventId), quotas: r.quotas, types: r.types };
}

const offeredEntriesSql = (entryIds: string[]) =>
  `select id, seats, user_id from waitlist where status = 'offered' and id in (${entryIds.map(sqlLiteral).join(", ")})`;

/**
 * A batch's rows as one statement of data-modifying CTEs over unnest'ed array literals (one per
 * column, or array_fill of one value when every row has the same: the event, the time, the nulls;
 * measured cheaper for Postgres than json_populate_recordset), the domain events as one VALUES
 * list. Lines and tickets have no foreign key to their order (migration 004): this statement is
 * what writes them, always with their order, and finishWrites is what drops them, with it.
 */
function rowWrites(w: BatchRows): string[] {
  if (!w.orders.length) return [];
  const lines = w.lines.map((l) => ({ ...l, quota_ids: arrayLiteral(l.quota_ids) }));
  return [
    `with o as (
       insert into orders (${ORDER_COLUMNS.map(([k]) => k).join(", ")})
       select * from ${sqlUnnest(w.orders, ORDER_COLUMNS)}),
     l as (
       insert into order_lines (order_id, ticket_type_id, name, quantity, unit_price_minor, quota_ids)
       select a, b, c, d, e, f::uuid[] from ${sqlUnnest(lines, LINE_COLUMNS)} as u(a, b, c, d, e, f)),
     t as (
       insert into tickets (${TICKET_COLUMNS.map(([k]) => k).join(", ")})
       select * from ${sqlUnnest(w.tickets, TICKET_COLUMNS)}),
     x as (${outboxInsertSql(w.outbox)})
     select 1`,
  ];
}

/** The statements of a batch under the lock: drop, add, counters, accepted offers, more. */
function finishWrites(f: BatchFinish): string[] {
  const statements: string[] = [];
  if (f.dropped.length) {
    const ids = f.dropped.map(sqlLiteral).join(", ");
    statements.push(
      `delete from orders where id in (${ids})`,
      `delete from order_lines where order_id in (${ids})`,
      `delete from tickets where order_id in (${ids})`,
    );
  }
  statements.push(...rowWrites(f.rows));
  for (const q of [...f.quotas].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    statements.push(setQuotaTaken.execute(String(Number(q.taken)), sqlLiteral(q.id)));
  }
  for (const t of [...f.types].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    statements.push(setTypeTaken.execute(String(Number(t.taken)), sqlLiteral(t.id)));
  }
  for (const a of f.accepted) {
    statements.push(
      `update waitlist set status = 'accepted', order_id = ${sqlLiteral(a.orderId)}, offer_expires_at = null where id = ${sqlLiteral(a.entryId)}`,
    );
  }
  return [...statements, ...f.more];
}

const ORDER_COLUMNS: Array<[keyof OrderRow, string]> = [
  ["id", "uuid"],
  ["event_id", "uuid"],
  ["user_id", "uuid"],
  ["status", "text"],
  ["seats", "int"],
  ["total_minor", "int"],
  ["currency", "text"],
  ["refunded_minor", "int"],
  ["reserved_until", "timestamptz"],
  ["payment_id", "uuid"],
  ["cancel_reason", "text"],
  ["waitlist_entry_id", "uuid"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
];
// quota_ids travels as the text of a uuid[] literal per line (arrays of arrays must be rectangular).
const LINE_COLUMNS: Array<[keyof LineRow, string]> = [["order_id", "uuid"], ["ticket_type_id", "uuid"], ["name", "text"], ["quantity", "int"], [
  "unit_price_minor",
  "int",
], [
  "quota_ids",
  "text",
]];
const TICKET_COLUMNS: Array<[keyof TicketRow, string]> = [
  ["id", "uuid"],
  ["order_id", "uuid"],
  ["event_id", "uuid"],
  ["ticket_type_id", "uuid"],
  ["seq", "int"],
  ["attendee_name", "text"],
  ["attendee_email", "text"],
];
