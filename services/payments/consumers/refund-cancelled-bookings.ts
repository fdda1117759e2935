/**
 * payments-bookings: the bookings side of the saga. A cancelled booking with refundDueMinor > 0
 * is refunded that much (once per message: the refund row keeps the message id).
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { bookingEvents } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { refundForCancelledBooking } from "../usecases/refund-cancelled-booking.ts";

export const BOOKINGS_CONSUMER = "payments-bookings";

export function refundCancelledBookingsConsumer(deps: Deps): ConsumerSpec {
  return {
    durable: BOOKINGS_CONSUMER,
    stream: "EVENTS",
    filter: "evt.booking.cancelled",
    concurrency: 4,
    handlers: [
      on(
        bookingEvents.cancelled,
        async (e) =>
          refundForCancelledBooking(deps, { messageId: e.id, paymentId: e.data.paymentId, orderId: e.data.orderId, refundDueMinor: e.data.refundDueMinor }),
      ),
    ],
  };
}
