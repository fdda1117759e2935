/**
 * bookings-payments-refunded: a refund moves the order to refunded or partially_refunded. A
 * guarded transition, so redeliveries and out-of-order refunds change nothing more. With
 * consumers/release-failed-payments.ts it replaces `bookings-payments` (see there).
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { recordRefund } from "../usecases/record-refund.ts";
import { PAYMENTS_CONSUMER, unlessUnknown } from "./release-failed-payments.ts";

export const PAYMENTS_REFUNDED_CONSUMER = "bookings-payments-refunded";

export function recordRefundsConsumer(deps: Deps): ConsumerSpec {
  return {
    durable: PAYMENTS_REFUNDED_CONSUMER,
    replaces: PAYMENTS_CONSUMER,
    stream: "EVENTS",
    filter: paymentEvents.refunded.subject,
    handlers: [on(paymentEvents.refunded, (e) => unlessUnknown(recordRefund(deps, e)))],
  };
}
