/** evt.booking.cancelled with refundDueMinor > 0: refunds that much (capped at what is left), once per message. */
import { AppError } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { refundablePaymentIdOf } from "../store.ts";
import { processRefund, REFUNDABLE, reserve } from "../refunding.ts";

export async function refundForCancelledBooking(
  deps: Deps,
  m: { messageId: string; paymentId: string | null; orderId: string; refundDueMinor: number },
): Promise<void> {
  if (m.refundDueMinor <= 0) return;
  const paymentId = m.paymentId ?? (await refundablePaymentIdOf(deps.db, m.orderId, REFUNDABLE));
  if (!paymentId) return;
  const refund = await reserve(deps, {
    paymentId,
    amountMinor: m.refundDueMinor,
    reason: "booking_cancelled",
    requestedBy: null,
    sourceKey: `booking-cancelled:${m.messageId}`,
    cap: true,
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 409) {
      deps.log.warn({ err, paymentId }, "booking cancelled but nothing left to refund");
      return undefined;
    }
    throw err;
  });
  if (refund) {
    await processRefund(deps, refund.id).catch((err: unknown) => deps.log.error({ err, refundId: refund.id }, "refund failed; the retry pass will try again"));
  }
}
