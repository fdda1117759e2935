/**
 * bookings-payments: a failed payment releases the seats of the order it was paying for (if the
 * order still holds them for that payment); a refund moves the order to refunded or
 * partially_refunded. Both are guarded transitions, so redeliveries change nothing more.
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { releaseFailedPayment } from "../usecases/release-failed-payment.ts";
import { recordRefund } from "../usecases/record-refund.ts";
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
      on(paymentEvents.failed, (e) => unlessUnknown(releaseFailedPayment(deps, e))),
      on(paymentEvents.refunded, (e) => unlessUnknown(recordRefund(deps, e))),
    ],
  };
}
