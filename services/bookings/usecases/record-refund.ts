/** Payments refunded (part of) an order, from evt.payment.refunded. */
import { enqueue } from "../../kit/outbox.ts";
import type { DataOf } from "../../../subjects/contract.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import { bookingEvents, type OrderStatus } from "../../../subjects/bookings.ts";
import type { paymentEvents } from "../../../subjects/payments.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { factsOf, lockInventory } from "../store.ts";
import { orderById } from "../store/tickets.ts";
import { markRefunded } from "../store/orders.ts";
import { giveBack } from "../transitions.ts";

/** Payments refunded (part of) an order. Idempotent: the refunded amount is set, not added. */
export async function recordRefund(deps: Deps, message: Envelope<DataOf<typeof paymentEvents.refunded>>): Promise<void> {
  const { orderId, paymentId, refundedMinor } = message.data;
  const now = deps.now();
  const o = await orderById(deps.db, orderId);
  if (!o || refundedMinor <= o.refunded_minor) return;
  const status: OrderStatus = refundedMinor >= o.total_minor ? "refunded" : o.status === "cancelled" ? "cancelled" : "partially_refunded";
  await deps.db.transaction(async (trx) => {
    await lockInventory(trx, o.event_id);
    const row = await markRefunded(trx, orderId, refundedMinor, status, now);
    if (!row) return;
    // A full refund of a live order (the provider refunded on its own) frees its seats; a
    // cancelled order gave them back when it was cancelled.
    if (["reserved", "awaiting_payment", "confirmed"].includes(o.status) && status === "refunded") await giveBack(deps, trx, row, now);
    await enqueue(trx, bookingEvents.refunded, {
      ...factsOf(row, now),
      status: status === "cancelled" ? "partially_refunded" : status,
      refundedMinor,
      paymentId,
    }, { source: SOURCE, occurredAt: now });
  });
  deps.flushOutbox();
}
