/**
 * The per-event inventory owner. Each replica keeps one mailbox per event: reservations for the
 * same event queue there and one drain loop takes them in arrival order, up to `batchMax` at a
 * time, and commits the whole batch in ONE transaction that locks the event's capacity-quota row
 * for its decisions. So a flash sale pays one lock wait and one commit per batch instead of per
 * booking, events proceed in parallel (one loop each), and two replicas draining the same event
 * serialize on the row lock: if one dies mid-batch its transaction rolls back, nothing was
 * answered, and the other replica's batches go on. The counters are checked under the lock, so
 * nothing is ever oversold.
 *
 * A batch writes its rows BEFORE it asks for the lock, for the decisions it expects: the loop keeps
 * the event's inventory as its batches expect to leave it (a projection) and decides each batch
 * against it first. Under the lock the batch decides again against the committed counters; the
 * rows of orders that decision does not keep are dropped and those it makes otherwise are added,
 * in the commit's round trip. While only this replica moves the counters the two decisions agree,
 * and the lock is held for a read, the decisions in memory and a few small updates — not for the
 * INSERT of a few hundred orders with their tickets, which Postgres runs while the previous batch
 * holds the lock. The next batch opens as soon as a batch's rows are written.
 * docs/services/bookings.md explains the design and its numbers.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { timeOrderedId } from "../../kit/ids.ts";
import { AppError } from "../../kit/errors.ts";
import { meter } from "../../kit/trace.ts";
import { bookingEvents, type OrderStatus } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { HOLD_TIMER } from "../expiry-timers.ts";
import { outboxDropSql, type OutboxRow, outboxRows } from "../../kit/outbox.ts";
import { cancelTimersSql, scheduleTimersSql } from "../../kit/timers.ts";
import { isPostgres, retryConflicts } from "../../kit/db.ts";
import { SOURCE } from "../deps.ts";
import {
  ACTIVE,
  type BatchRows,
  eventById,
  factsOf,
  type InventoryState,
  type LineRow,
  type OfferedEntry,
  openInventoryBatch,
  type OrderRow,
  type QuotaRow,
  type TicketRow,
  type TicketTypeRow,
} from "../store.ts";

export type Attendee = { name: string; email?: string };

export type ReserveRequest = {
  eventId: string;
  userId: string;
  /** Per ticket type; null = the event's default type. */
  lines: Array<{ ticketTypeId: string | null; quantity: number; attendees: Attendee[] }>;
  /** Seats already held for this user by a waitlist offer (taken from the counters at offer time). */
  waitlistEntryId?: string;
};

/** The committed order with the rows written for it, so the caller answers without reading them back. */
export type Reserved = { order: OrderRow; lines: LineRow[]; tickets: TicketRow[] };

type Pending = { req: ReserveRequest; resolve(r: Reserved): void; reject(err: unknown): void };

/** Reasons a reservation is refused; each becomes a problem+json code at the edge. */
export const soldOut = (waitlistOpen: boolean) => new AppError("sold_out", "not enough seats left", { status: 409, details: { waitlistOpen } });

/** How long an event's projection is kept after its mailbox emptied. */
const PROJECTION_KEPT_MS = 2_000;

export class Inventory {
  private readonly boxes = new Map<string, Pending[]>();
  /** The drain loops waiting for a request while their last batch commits, by event. */
  private readonly wakers = new Map<string, () => void>();
  /** Each draining event's inventory as its batches expect to leave it (their decisions before the lock). */
  private readonly projections = new Map<string, InventoryState | undefined>();
  private readonly deps: Deps;
  private readonly slots: Slots;
  private readonly pipelined: boolean;
  private readonly outcomes = meter().createCounter("bookings_reservations", {
    description: "Reservations by outcome: booked, sold_out, refused (other 4xx), failed (5xx).",
  });
  private readonly batches = meter().createHistogram("bookings_batch_size", {
    description: "Reservations committed per inventory transaction.",
    advice: { explicitBucketBoundaries: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
  });

  constructor(deps: Deps) {
    this.deps = deps;
    this.slots = new Slots(deps.config.drainsMax);
    this.pipelined = isPostgres(deps.db);
  }

  /** Queues a reservation in its event's mailbox; resolves once its batch committed. */
  reserve(req: ReserveRequest): Promise<Reserved> {
    if (this.deps.config.naiveGuard) return reserveNaive(this.deps, req);
    return new Promise<Reserved>((resolve, reject) => {
      const box = this.boxes.get(req.eventId);
      if (box) {
        box.push({ req, resolve, reject });
        this.wakers.get(req.eventId)?.();
        return;
      }
      this.boxes.set(req.eventId, [{ req, resolve, reject }]);
      void this.drain(req.eventId);
    });
  }

  private async drain(eventId: string): Promise<void> {
    const box = this.boxes.get(eventId) as Pending[];
    // Batches of this event in flight: each opens once the one before wrote its rows, and their
    // lock requests queue in Postgres in that order.
    const inFlight = new Set<Promise<void>>();
    // Let requests that arrive in the same tick join the first batch.
    await new Promise((r) => setImmediate(r));
    while (box.length > 0 || inFlight.size > 0) {
      if (box.length === 0) {
        // A batch is committing: open the next as soon as a request arrives (or when it is done).
        await new Promise<void>((wake) => {
          this.wakers.set(eventId, wake);
          void Promise.race(inFlight).then(wake);
        });
        this.wakers.delete(eventId);
        continue;
      }
      // Wait for a connection's worth of room first: meanwhile the mailbox keeps filling, so the
      // batch taken after the wait is bigger, instead of waiting in the pool's queue (which times out).
      await this.slots.take();
      const written = Promise.withResolvers<void>();
      // A small batch with none of its event ahead locks first and writes with its commit: two
      // round trips instead of four (peek, write, lock, commit). Writing before the lock pays when
      // a batch is large or another holds the lock; with a few orders and nobody ahead — many
      // events selling at once, a booking or two each — the extra round trips were most of a
      // booking's cost (docs/benchmarks.md, session 12: the spread load).
      const alone = inFlight.size === 0;
      const done: Promise<void> = this.run(eventId, box.splice(0, this.deps.config.batchMax), alone, written.resolve).finally(() => {
        this.slots.give();
        inFlight.delete(done);
      });
      inFlight.add(done);
      // The embedded database has one connection: there the next batch waits for this one.
      await (this.pipelined ? Promise.race([written.promise, done]) : done);
    }
    this.boxes.delete(eventId);
    // The projection outlives the busy spell by a moment. In a sale the mailbox empties whenever
    // every buyer is being answered at once; a spell starting without a projection writes its
    // first batch's rows under the lock (≈ 40 ms held for 300 orders) and opens no other batch
    // until that one decided — the flash sale's slowest batches. A projection is only an
    // expectation, checked under the lock, so a stale one costs corrections, never a wrong answer.
    setTimeout(() => {
      if (!this.boxes.has(eventId)) this.projections.delete(eventId);
    }, PROJECTION_KEPT_MS).unref?.();
  }

  /** Commits one batch (retried whole after a deadlock) and answers its callers; never throws. */
  private async run(eventId: string, batch: Pending[], alone: boolean, written: () => void): Promise<void> {
    try {
      const reqs = batch.map((p) => p.req);
      const { outcomes, announced } = await retryConflicts(
        () => reserveBatch(this.deps, eventId, reqs, this.projections, { direct: alone && reqs.length <= this.deps.config.directBatchMax, written }),
        5,
      );
      // Published from here (kit/outbox.ts: no relay pass has to find them), once the callers'
      // replies are on their way: the answers run in the microtasks the resolves below queue, and
      // a batch's few hundred publishes (≈ 3 ms of this thread) would otherwise go first.
      setImmediate(() => this.deps.flushOutbox(announced));
      this.batches.record(batch.length);
      outcomes.forEach((o, i) => {
        if (o instanceof Error) {
          this.outcomes.add(1, { outcome: o.code === "sold_out" ? "sold_out" : "refused" });
          batch[i].reject(o);
        } else {
          this.outcomes.add(1, { outcome: "booked" });
          batch[i].resolve(o);
        }
      });
    } catch (err) {
      this.outcomes.add(batch.length, { outcome: "failed" });
      this.deps.log.error({ err, eventId, batch: batch.length }, "inventory batch failed");
      for (const p of batch) p.reject(err);
    } finally {
      written();
    }
  }
}

/** A counting semaphore: batches of all events in flight at once in this replica. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

type Outcome = Reserved | AppError;

const isReserved = (o: Outcome | undefined): o is Reserved => o !== undefined && !(o instanceof AppError);

/** A batch's decisions, and the counters they changed as they leave them. */
type Decided = { outcomes: Outcome[]; quotas: Array<{ id: string; taken: number }>; types: Array<{ id: string; taken: number }> };

/**
 * The ids of a batch's orders and tickets, the same in both its decisions (so equal decisions give
 * equal rows). Time-ordered (UUIDv7): a batch's keys land at the right edge of the orders' and
 * tickets' indexes instead of on random pages (−15% of Postgres' CPU per booking in the flash sale).
 */
class BatchIds {
  private readonly orders: string[] = [];
  private readonly tickets: string[][] = [];
  order(i: number): string {
    return (this.orders[i] ??= timeOrderedId());
  }
  ticket(i: number, k: number): string {
    const own = (this.tickets[i] ??= []);
    return (own[k] ??= timeOrderedId());
  }
}

const entryIdsOf = (reqs: ReserveRequest[]) => reqs.map((r) => r.waitlistEntryId).filter((x): x is string => Boolean(x));

/**
 * One transaction for a batch of reservations of one event: the rows its expected decisions make,
 * written before the lock (then `written` is called: the loop may open the next batch), the lock
 * and the decisions under it, the corrections and the counters, committed. Resolves once
 * committed. Only the decisions under the lock are answered.
 */
async function reserveBatch(
  deps: Deps,
  eventId: string,
  reqs: ReserveRequest[],
  projections: Map<string, InventoryState | undefined>,
  opts: { direct: boolean; written: () => void },
): Promise<{ outcomes: Outcome[]; announced: OutboxRow[] }> {
  const { written } = opts;
  const now = deps.now();
  const ids = new BatchIds();
  const batch = await openInventoryBatch(deps.db);
  try {
    let expected: { outcomes: Outcome[] } = { outcomes: [] };
    let expectedCounters: string | undefined;
    let earlyRows = rowsOf([], now);
    let earlyTimers = holdTimers(deps, []);
    if (!opts.direct) {
      // The first batch of a busy spell expects from the inventory as committed now (read without
      // the lock), so it too writes its rows before the lock, and the next batch can open as soon
      // as they are written. Kept in `projections`, the expectation advances with each batch's decisions.
      let projected = projections.get(eventId);
      if (!projected) projections.set(eventId, projected = await batch.peek(eventId));
      // Waitlist offers are only read under the lock: before it, an acceptance is expected to fail.
      expected = decide(eventId, reqs, projected, new Map(), now, ids);
      expectedCounters = countersOf(projected);
      const early = expected.outcomes.filter(isReserved);
      earlyRows = rowsOf(early, now);
      earlyTimers = holdTimers(deps, early);
      await batch.write(earlyRows, earlyTimers.statements);
      written();
    }
    const { state, entries } = await batch.lock(eventId, entryIdsOf(reqs));
    if (opts.direct) written();
    const decided = decide(eventId, reqs, state, entries, now, ids);
    const dropped: Reserved[] = [];
    const added: Reserved[] = [];
    // Equal decisions made equal rows (the ids are the batch's): those rows stand. Compared with
    // isDeepStrictEqual rather than as JSON texts: ≈ 2 µs against ≈ 7 µs per order (5% of the
    // platform's thread in the flash sale's profile), and it tells Dates apart by their time.
    decided.outcomes.forEach((o, i) => {
      const was = expected.outcomes[i];
      if (isReserved(was) && isReserved(o) && isDeepStrictEqual(was, o)) return;
      if (isReserved(was)) dropped.push(was);
      if (isReserved(o)) added.push(o);
    });
    // The next batches expect what this one found, unless it found what it expected.
    if (opts.direct || dropped.length || added.length || !state || countersOf(state) !== expectedCounters) projections.set(eventId, state);
    const booked = decided.outcomes.filter(isReserved);
    if (!booked.length) {
      await batch.rollback();
      return { outcomes: decided.outcomes, announced: [] };
    }
    const outboxOf = new Map(earlyRows.orders.map((o, i) => [o.id, earlyRows.outbox[i].id]));
    const droppedIds = dropped.map((r) => r.order.id);
    const addedTimers = holdTimers(deps, added);
    const addedRows = rowsOf(added, now);
    const committed = batch.commit({
      dropped: droppedIds,
      rows: addedRows,
      quotas: decided.quotas,
      types: decided.types,
      accepted: booked.filter((r) => r.order.waitlist_entry_id).map((r) => ({ entryId: r.order.waitlist_entry_id as string, orderId: r.order.id })),
      more: [
        ...outboxDropSql(droppedIds.map((id) => outboxOf.get(id) as string)),
        ...cancelTimersSql(HOLD_TIMER, droppedIds),
        ...addedTimers.statements,
      ],
    });
    written();
    await committed;
    earlyTimers.scheduled();
    addedTimers.scheduled();
    const gone = new Set(droppedIds.map((id) => outboxOf.get(id)));
    return { outcomes: decided.outcomes, announced: [...earlyRows.outbox.filter((r) => !gone.has(r.id)), ...addedRows.outbox] };
  } catch (err) {
    // The projection took this batch's expected decisions, which did not happen.
    projections.delete(eventId);
    await batch.rollback().catch(() => undefined);
    throw err;
  }
}

/** The counters of an inventory as one comparable string (by id: the rows are read in no set order). */
const countersOf = (s: InventoryState) => JSON.stringify([...s.quotas, ...s.types].map((c) => `${c.id}:${c.taken}`).sort());

/** The hold timers of reserved (unpaid) orders, as statements of the batch's transaction. */
const holdTimers = (deps: Deps, reserved: Reserved[]) =>
  scheduleTimersSql(
    deps.db,
    reserved.filter((r) => r.order.reserved_until).map((r) => ({ kind: HOLD_TIMER, key: r.order.id, dueAt: new Date(r.order.reserved_until as Date) })),
  );

/** The rows of booked orders: the orders, their lines and tickets, and the domain event of each (outbox[i] announces orders[i]). */
function rowsOf(booked: Reserved[], now: Date): BatchRows {
  const orders = booked.map((r) => r.order);
  return {
    orders,
    lines: booked.flatMap((r) => r.lines),
    tickets: booked.flatMap((r) => r.tickets),
    outbox: outboxRows(
      orders.map((order): { contract: typeof bookingEvents.reserved | typeof bookingEvents.confirmed; data: never } =>
        order.status === "confirmed"
          ? { contract: bookingEvents.confirmed, data: { ...factsOf(order, now), paymentId: null } as never }
          : { contract: bookingEvents.reserved, data: { ...factsOf(order, now), reservedUntil: (order.reserved_until as Date).toISOString() } as never }
      ),
      { source: SOURCE, at: now },
    ),
  };
}

/**
 * Decides each reservation of a batch in arrival order against the inventory `state` (a
 * reservation that does not fit is refused `409 sold_out`, the next one may still fit with fewer
 * seats), taking the seats from its counters as it goes.
 */
function decide(
  eventId: string,
  reqs: ReserveRequest[],
  state: InventoryState | undefined,
  entries: Map<string, OfferedEntry>,
  now: Date,
  ids: BatchIds,
): Decided {
  const event = state?.event;
  if (!state || !event || event.deleted || event.status !== "published") {
    return { outcomes: reqs.map(() => new AppError("not_found", "event not found or not open for booking")), quotas: [], types: [] };
  }
  if (new Date(event.starts_at) <= now) {
    return { outcomes: reqs.map(() => new AppError("sales_closed", "the event has started", { status: 409 })), quotas: [], types: [] };
  }
  const settings = state.settings;
  const quotas = new Map(state.quotas.map((q) => [q.id, q]));
  const types = new Map(state.types.map((t) => [t.id, t]));
  const defaultType = [...types.values()].find((t) => t.is_default);
  const waitlistOpen = settings.waitlist_enabled;

  const outcomes: Outcome[] = [];
  const changedQuotas = new Set<string>();
  const changedTypes = new Set<string>();

  reqs.forEach((req, index) => {
    const resolved: Array<{ type: TicketTypeRow; quantity: number; attendees: Attendee[] }> = [];
    let error: AppError | undefined;
    for (const l of req.lines) {
      const type = l.ticketTypeId ? types.get(l.ticketTypeId) : defaultType;
      // A hidden type is not on sale: it answers as if it did not exist (no probing for it).
      if (!type || (l.ticketTypeId && type.visibility === "hidden")) {
        error = new AppError("not_found", "ticket type not found", { details: [{ field: "ticketTypeId", message: "not a ticket type of this event" }] });
        break;
      }
      const closes = type.sales_end ? new Date(type.sales_end) : new Date(event.starts_at);
      if ((type.sales_start && new Date(type.sales_start) > now) || closes <= now) {
        error = new AppError("sales_closed", `${type.name} is not on sale`, {
          status: 409,
          details: [{ field: "ticketTypeId", message: "outside its sales window" }],
        });
        break;
      }
      if (l.quantity > type.max_per_order) {
        error = new AppError("invalid_request", `at most ${type.max_per_order} seats of ${type.name} per order`, {
          details: [{ field: "quantity", message: `at most ${type.max_per_order}` }],
        });
        break;
      }
      resolved.push({ type, quantity: l.quantity, attendees: l.attendees });
    }
    const currencies = new Set(resolved.filter((r) => r.type.price_minor > 0).map((r) => r.type.currency));
    if (!error && currencies.size > 1) {
      error = new AppError("invalid_request", "one order is paid in one currency", {
        details: [{ field: "items", message: "ticket types of different currencies" }],
      });
    }
    const entry = req.waitlistEntryId ? entries.get(req.waitlistEntryId) : undefined;
    if (!error && req.waitlistEntryId && !entry) error = new AppError("offer_expired", "the offer is no longer open", { status: 409 });
    if (!error && !entry) {
      // Needs per type and per quota, then the guard: every counter must have room.
      const needType = new Map<string, number>();
      const needQuota = new Map<string, number>();
      for (const r of resolved) {
        needType.set(r.type.id, (needType.get(r.type.id) ?? 0) + r.quantity);
        for (const q of r.type.quota_ids) needQuota.set(q, (needQuota.get(q) ?? 0) + r.quantity);
      }
      const typeFits = [...needType].every(([id, n]) => {
        const t = types.get(id) as TicketTypeRow;
        return t.quantity === null || t.taken + n <= t.quantity;
      });
      const quotaFits = [...needQuota].every(([id, n]) => {
        const q = quotas.get(id);
        return q !== undefined && (q.size === null || q.taken + n <= q.size);
      });
      if (!typeFits || !quotaFits) error = soldOut(waitlistOpen);
      else {
        for (const [id, n] of needType) ((types.get(id) as TicketTypeRow).taken += n), changedTypes.add(id);
        for (const [id, n] of needQuota) ((quotas.get(id) as QuotaRow).taken += n), changedQuotas.add(id);
      }
    }
    if (error) {
      outcomes.push(error);
      return;
    }
    const total = resolved.reduce((s, r) => s + r.quantity * r.type.price_minor, 0);
    const seats = resolved.reduce((s, r) => s + r.quantity, 0);
    const status: OrderStatus = total === 0 ? "confirmed" : "reserved";
    const order: OrderRow = {
      id: ids.order(index),
      event_id: eventId,
      user_id: req.userId,
      status,
      seats,
      total_minor: total,
      currency: total === 0 ? null : ([...currencies][0] ?? null),
      refunded_minor: 0,
      reserved_until: status === "reserved" ? new Date(now.getTime() + settings.hold_minutes * 60_000) : null,
      payment_id: null,
      cancel_reason: null,
      waitlist_entry_id: req.waitlistEntryId ?? null,
      created_at: now,
      updated_at: now,
    };
    const own: Reserved = { order, lines: [], tickets: [] };
    let seq = 0;
    for (const r of resolved) {
      own.lines.push({
        order_id: order.id,
        ticket_type_id: r.type.id,
        name: r.type.name,
        quantity: r.quantity,
        unit_price_minor: r.type.price_minor,
        quota_ids: r.type.quota_ids,
      });
      for (let i = 0; i < r.quantity; i++) {
        const a = r.attendees[i] ?? r.attendees[0];
        own.tickets.push({
          id: ids.ticket(index, seq),
          order_id: order.id,
          event_id: eventId,
          ticket_type_id: r.type.id,
          seq: seq++,
          attendee_name: a.name,
          attendee_email: a.email ?? null,
          checked_in_at: null,
          checked_in_by: null,
        });
      }
    }
    outcomes.push(own);
  });

  return {
    outcomes,
    quotas: [...changedQuotas].map((id) => ({ id, taken: (quotas.get(id) as QuotaRow).taken })),
    types: [...changedTypes].map((id) => ({ id, taken: (types.get(id) as TicketTypeRow).taken })),
  };
}

/**
 * TEST ONLY (BOOKINGS_UNSAFE_NAIVE_GUARD): the naive guard that every overselling bug report
 * describes — count the seats taken, then insert, with no lock and no counter. It exists so the
 * concurrency test can show that it oversells, i.e. that the test really races.
 */
async function reserveNaive(deps: Deps, req: ReserveRequest): Promise<Reserved> {
  const now = deps.now();
  return deps.db.transaction(async (trx) => {
    const event = await eventById(trx, req.eventId);
    const type = await trx<TicketTypeRow>("ticket_types").where({ event_id: req.eventId, is_default: true }).first();
    if (!event || !type) throw new AppError("not_found", "event not found");
    const seats = req.lines.reduce((s, l) => s + l.quantity, 0);
    const row = await trx("orders").where({ event_id: req.eventId }).whereIn("status", ACTIVE).sum({ n: "seats" }).first();
    const taken = Number(row?.n ?? 0);
    if (event.capacity !== null && taken + seats > event.capacity) throw soldOut(false);
    const order: OrderRow = {
      id: randomUUID(),
      event_id: req.eventId,
      user_id: req.userId,
      status: "confirmed",
      seats,
      total_minor: 0,
      currency: null,
      refunded_minor: 0,
      reserved_until: null,
      payment_id: null,
      cancel_reason: null,
      waitlist_entry_id: null,
      created_at: now,
      updated_at: now,
    };
    await trx("orders").insert(order);
    const line: LineRow = { order_id: order.id, ticket_type_id: type.id, name: type.name, quantity: seats, unit_price_minor: 0, quota_ids: type.quota_ids };
    const tickets: TicketRow[] = Array.from({ length: seats }, (_, i) => ({
      id: randomUUID(),
      order_id: order.id,
      event_id: req.eventId,
      ticket_type_id: type.id,
      seq: i,
      attendee_name: req.lines[0].attendees[0]?.name ?? "Guest",
      attendee_email: null,
      checked_in_at: null,
      checked_in_by: null,
    }));
    await trx("order_lines").insert(line);
    await trx("tickets").insert(tickets);
    return { order, lines: [line], tickets };
  });
}
