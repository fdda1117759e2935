/**
 * bookings-payments-failed: a failed payment releases the seats of the order it was paying for (if
 * the order still holds them for that payment). A guarded transition, so redeliveries change
 * nothing more. With consumers/record-refunds.ts it replaces `bookings-payments` on
 * `evt.payment.>`, which was handed every created and succeeded payment only to skip it — 4 of a
 * checkout's NATS messages (nats-server 2.9 has one filter per durable).
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { releaseFailedPayment } from "../usecases/release-failed-payment.ts";
import { AppError } from "../../kit/errors.ts";

export const PAYMENTS_FAILED_CONSUMER = "bookings-payments-failed";
/** The durable this one and bookings-payments-refunded replace (deleted once both exist). */
export const PAYMENTS_CONSUMER = "bookings-payments";

/** An order this service never had (another environment's payment) is nothing to do. */
export const unlessUnknown = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (err) {
    if (!(err instanceof AppError && err.code === "not_found")) throw err;
  }
};

export function releaseFailedPaymentsConsumer(deps: Deps): ConsumerSpec {
  return {
    durable: PAYMENTS_FAILED_CONSUMER,
    replaces: PAYMENTS_CONSUMER,
    stream: "EVENTS",
    filter: paymentEvents.failed.subject,
    handlers: [on(paymentEvents.failed, (e) => unlessUnknown(releaseFailedPayment(deps, e)))],
  };
}
