/** Payments started paying a held order. */
import { enqueue } from "../../kit/outbox.ts";
import { AppError, notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { bookingEvents, type bookings, type OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { factsOf, orderView } from "../store.ts";
import { lockOrder, markAwaitingPayment } from "../store/orders.ts";

/**
 * Payments started paying a held order. Like settle it takes no inventory lock (reserved →
 * awaiting_payment moves no seats), so a checkout does not queue behind its event's reservations:
 * the order's own row lock orders it against its expiry, cancellation and settle, which are
 * guarded UPDATEs of that row — an expiry that got there first is seen here, one that comes after
 * finds the order still held and expires it as before.
 */
export async function beginPayment(deps: Deps, _caller: Principal | undefined, input: RequestOf<typeof bookings.ordersBeginPayment>): Promise<OrderView> {
  const { orderId, paymentId } = input;
  const now = deps.now();
  const out = await deps.db.transaction(async (trx) => {
    const cur = await lockOrder(trx, orderId);
    if (!cur) throw notFound("order");
    if (cur.status === "awaiting_payment" && cur.payment_id === paymentId) return cur;
    if (cur.status === "reserved" || cur.status === "awaiting_payment") {
      if (cur.reserved_until && new Date(cur.reserved_until) <= now) throw new AppError("order_expired", "the hold of this order is over", { status: 409 });
      const row = await markAwaitingPayment(trx, orderId, paymentId, now);
      await enqueue(trx, bookingEvents.paymentStarted, { ...factsOf(row, now), paymentId, reservedUntil: new Date(row.reserved_until as Date).toISOString() }, {
        source: SOURCE,
        occurredAt: now,
      });
      return row;
    }
    if (cur.status === "expired") throw new AppError("order_expired", "the hold of this order is over", { status: 409 });
    throw new AppError("order_not_payable", `the order is ${cur.status}`, { status: 409 });
  });
  deps.flushOutbox();
  return orderView(deps.db, out);
}
