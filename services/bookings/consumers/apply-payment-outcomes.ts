/**
 * bookings-payments: a failed payment releases the seats of the order it was paying for (if the
 * order still holds them for that payment); a refund moves the order to refunded or
 * partially_refunded. Both are guarded transitions, so redeliveries change nothing more.
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { cancelOrder, recordRefund } from "../usecases/transitions.ts";
import { AppError } from "../../kit/errors.ts";

export const PAYMENTS_CONSUMER = "bookings-payments";

const unlessUnknown = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (err) {
    // An order this service never had (another environment's payment) is nothing to do.
    if (!(err instanceof AppError && err.code === "not_found")) throw err;
  }
};

export function applyPaymentOutcomesConsumer(deps: Deps): ConsumerSpec {
  return {
    durable: PAYMENTS_CONSUMER,
    stream: "EVENTS",
    filter: "evt.payment.>",
    handlers: [
      on(paymentEvents.failed, (e) => unlessUnknown(cancelOrder(deps, e.data.orderId, { kind: "payment_failed", paymentId: e.data.paymentId }))),
      on(paymentEvents.refunded, (e) => unlessUnknown(recordRefund(deps, e.data.orderId, e.data.paymentId, e.data.refundedMinor))),
    ],
  };
}
