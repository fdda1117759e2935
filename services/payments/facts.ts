import type { PaymentRow } from "./store.ts";

/** What every payment event carries, from the row as it stands after the change. */
export function facts(p: PaymentRow, occurredAt: Date) {
  return {
    paymentId: p.id,
    orderId: p.order_id,
    eventId: p.event_id,
    userId: p.user_id,
    amountMinor: p.amount_minor,
    currency: p.currency,
    refundedMinor: p.refunded_minor,
    status: p.status,
    occurredAt: occurredAt.toISOString(),
  };
}
