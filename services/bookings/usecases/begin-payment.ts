/** Payments started paying a held order. */
import { outboxSql } from "../../kit/outbox.ts";
import { AppError, notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { bookingEvents, type bookings, type OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { factsOf, HELD, viewsOf } from "../store.ts";
import { markAwaitingPayment, orderWithItems } from "../store/orders.ts";

/**
 * Payments started paying a held order. Like settle it takes no inventory lock (reserved →
 * awaiting_payment moves no seats), and no lock of its own either: the move is one guarded UPDATE
 * of the order's row (held, hold not over at `now`, not already awaiting this payment), so it
 * serializes on that row against the order's expiry, cancellation and settle, which are guarded
 * UPDATEs of it too — an expiry that got there first leaves nothing to move here, one that comes
 * after finds the order still held and expires it as before. The same statement answers the
 * order's lines and tickets, so the reply needs no further read; with evt.booking.payment_started
 * it commits in two round trips (store/orders.ts markAwaitingPayment). Only when nothing moved is
 * the order read, to say why (or to answer the same call again, with no second event).
 */
export async function beginPayment(deps: Deps, _caller: Principal | undefined, input: RequestOf<typeof bookings.ordersBeginPayment>): Promise<OrderView> {
  const { orderId, paymentId } = input;
  const now = deps.now();
  const moved = await markAwaitingPayment(deps.db, orderId, paymentId, now, (row) =>
    outboxSql(deps.db, [{
      contract: bookingEvents.paymentStarted,
      data: { ...factsOf(row, now), paymentId, reservedUntil: new Date(row.reserved_until as Date).toISOString() },
    }], { source: SOURCE, at: now }));
  const out = moved ?? await orderWithItems(deps.db, orderId);
  if (!out) throw notFound("order");
  if (!moved) {
    const o = out.order;
    if (!(o.status === "awaiting_payment" && o.payment_id === paymentId)) {
      if (HELD.includes(o.status) || o.status === "expired") throw new AppError("order_expired", "the hold of this order is over", { status: 409 });
      throw new AppError("order_not_payable", `the order is ${o.status}`, { status: 409 });
    }
  }
  return viewsOf([out.order], out.lines, out.tickets)[0];
}
