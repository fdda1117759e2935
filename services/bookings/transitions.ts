/**
 * Every change of an order after its reservation: begin payment, settle, expire, cancel, payment
 * failed, refunded. Each is one guarded UPDATE (`where status in (...)`) in a transaction that
 * holds the event's inventory lock (begin payment and settle, which move no seats, lock the order
 * rows instead), writes its domain event to the outbox and, when seats go
 * back, releases them in the same transaction. Two racing transitions (expiry vs payment, a
 * double cancel, a redelivered message) serialize on the lock; the second finds the status
 * already moved and changes nothing, so seats return to the quota exactly once.
 *
 * Shared by the order use cases, the payment outcomes, the event projection and the hold timer.
 */
import type { Knex } from "knex";
import { enqueue, type OutboxRow, outboxRows } from "../kit/outbox.ts";
import { AppError, notFound } from "../kit/errors.ts";
import { bookingEvents, type OrderStatus, type OrderView } from "../../subjects/bookings.ts";
import type { Principal } from "../../subjects/principal.ts";
import { type Deps, SOURCE } from "./deps.ts";
import { eventById, factsOf, HELD, lockInventory, type OrderRow, orderView, release, settingsOf } from "./store.ts";
import { orderById } from "./store/tickets.ts";
import { expireHeld, lockOrder, moveOrder, settleOrders } from "./store/orders.ts";
import { isOrganizer, orderOrNotFound as load } from "./access.ts";
import { offerFreedSeats } from "./waitlist.ts";

type Trx = Knex.Transaction;

/** Moves an order from one of `from` to `to` under the inventory lock; undefined when it was not in `from`. */
async function move(
  trx: Trx,
  order: OrderRow,
  from: OrderStatus[],
  patch: Partial<OrderRow> & { status: OrderStatus },
  now: Date,
): Promise<OrderRow | undefined> {
  await lockInventory(trx, order.event_id);
  return moveOrder(trx, order.id, from, patch, now);
}

/** Seats go back and the waitlist gets its chance at them, in the same transaction. */
export async function giveBack(deps: Deps, trx: Trx, o: OrderRow, now: Date): Promise<void> {
  await release(trx, o.id);
  await offerFreedSeats(deps, trx, o.event_id, now);
}

/**
 * Payments got the money for many orders at once (its callbacks are batched): one transaction of
 * two round trips (store/orders.ts settleOrders), whatever the number. It takes no inventory lock: confirming moves no seats (a
 * held order's are already taken), and the race with an expiry or a cancellation is decided on
 * the order row itself — the rows are locked in id order first (so two batches that share an
 * order cannot deadlock), and a held row under its lock stays held until this commits, while a
 * racing transition that got there first has already moved it out of HELD. So settles do not
 * queue behind the event's reservations. Idempotent per (order, payment): confirmed by this
 * payment answers confirmed again; anything else (expired, cancelled, confirmed by another
 * payment, unknown) is gone.
 */
export async function confirmPaid(
  deps: Deps,
  items: Array<{ orderId: string; paymentId: string }>,
): Promise<Array<{ orderId: string; outcome: "confirmed" | "gone" }>> {
  const now = deps.now();
  const ids = [...new Set(items.map((i) => i.orderId))];
  let outbox: OutboxRow[] = [];
  const confirmedBy = await settleOrders(deps.db, ids, now, (rows) => {
    const current = new Map(rows.map((o) => [o.id, o]));
    const paidBy = new Map<string, string>();
    const confirm: OrderRow[] = [];
    for (const i of items) {
      const o = current.get(i.orderId);
      if (!o || paidBy.has(o.id)) continue;
      if (HELD.includes(o.status)) {
        const row: OrderRow = { ...o, status: "confirmed", payment_id: i.paymentId, reserved_until: null, updated_at: now };
        confirm.push(row);
        paidBy.set(o.id, i.paymentId);
      } else if (o.status === "confirmed" && o.payment_id) paidBy.set(o.id, o.payment_id);
    }
    outbox = outboxRows(
      confirm.map((row) => ({ contract: bookingEvents.confirmed, data: { ...factsOf(row, now), paymentId: row.payment_id } })),
      { source: SOURCE, at: now },
    );
    return { confirm, outbox, result: paidBy };
  });
  deps.flushOutbox(outbox);
  return items.map((i) => ({ orderId: i.orderId, outcome: confirmedBy.get(i.orderId) === i.paymentId ? ("confirmed" as const) : ("gone" as const) }));
}

/** A hold ran out (called by the expiry sweep, or the kit's timer once it lands). */
export async function expireInTrx(deps: Deps, trx: Trx, orderId: string, now: Date): Promise<boolean> {
  const o = await orderById(trx, orderId);
  if (!o || !HELD.includes(o.status)) return false;
  await lockInventory(trx, o.event_id);
  const row = await expireHeld(trx, orderId, now);
  if (!row) return false;
  await giveBack(deps, trx, row, now);
  await enqueue(trx, bookingEvents.expired, factsOf(row, now), { source: SOURCE, occurredAt: now });
  return true;
}

export type CancelBy = { kind: "principal"; principal: Principal } | { kind: "event_cancelled" } | { kind: "payment_failed"; paymentId: string };

/** Cancels an order (its booker or an organizer, a cancelled event, a failed payment); the second cancel finds it cancelled and answers it unchanged. */
export async function cancelOrderBy(deps: Deps, orderId: string, by: CancelBy): Promise<OrderView> {
  const now = deps.now();
  const o = await load(deps.db, orderId);
  let reason: "attendee" | "organizer" | "event_cancelled" | "payment_failed" = by.kind === "principal" ? "attendee" : by.kind;
  let refundPercent = 100;
  /** For an attendee's own cancel: when cancelling a confirmed order closes (epoch ms). */
  let closesAt: number | undefined;
  let closedHours = 0;
  if (by.kind === "principal") {
    const event = await eventById(deps.db, o.event_id);
    const organizer = event ? await isOrganizer(deps, event, by.principal) : false;
    if (!organizer && o.user_id !== by.principal.sub) throw notFound("order");
    if (o.status === "cancelled") return orderView(deps.db, o);
    if (organizer && o.user_id !== by.principal.sub) reason = "organizer";
    else if (event) {
      const rules = await settingsOf(deps.db, o.event_id);
      closesAt = new Date(event.starts_at).getTime() - rules.cancel_deadline_hours * 3_600_000;
      closedHours = rules.cancel_deadline_hours;
      refundPercent = rules.refund_percent;
    }
  }
  const from: OrderStatus[] = by.kind === "payment_failed" ? HELD : ["reserved", "awaiting_payment", "confirmed"];
  const out = await deps.db.transaction(async (trx) => {
    // What was paid, by which payment, and whether it was confirmed are read under the locks, not
    // from the read above: a settle (which takes only the order's row) or a new payment may have
    // landed in between, and a confirmed order cancelled on a stale "awaiting_payment" would keep
    // the money (refundDueMinor 0). Inventory first, then the order, as an expiry takes them.
    await lockInventory(trx, o.event_id);
    const cur = (await lockOrder(trx, orderId)) as OrderRow;
    if (by.kind === "payment_failed" && cur.payment_id !== by.paymentId) return cur;
    if (closesAt !== undefined && cur.status === "confirmed" && closesAt <= now.getTime()) {
      throw new AppError("cancel_deadline_passed", `cancellation closed ${closedHours} h before the start`, { status: 409 });
    }
    const row = await move(trx, cur, from, { status: "cancelled", cancel_reason: reason, reserved_until: null }, now);
    if (!row) return cur;
    await giveBack(deps, trx, row, now);
    const paid = cur.status === "confirmed" && cur.total_minor > 0 && cur.payment_id !== null;
    const refundDueMinor = paid ? Math.floor(((cur.total_minor - cur.refunded_minor) * refundPercent) / 100) : 0;
    await enqueue(trx, bookingEvents.cancelled, { ...factsOf(row, now), reason, refundDueMinor, paymentId: cur.payment_id }, {
      source: SOURCE,
      occurredAt: now,
    });
    return row;
  });
  if (by.kind === "principal" && out.status !== "cancelled") throw new AppError("conflict", `the order is ${out.status}`);
  deps.flushOutbox();
  return orderView(deps.db, out);
}
