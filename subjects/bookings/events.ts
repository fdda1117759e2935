/** The domain events of bookings: evt.booking.*, evt.waitlist.*, evt.ticket.* (published through its outbox). */
import { Type } from "@sinclair/typebox";
import { event } from "../contract.ts";
import { Timestamp, Uuid } from "../common.ts";
import { CancelReason, Currency, EntryId, EventId, Minor, OrderId, OrderStatus, TicketId } from "./schemas.ts";

/** What every booking event carries, so consumers need no call back. */
const BookingFacts = {
  orderId: OrderId,
  eventId: EventId,
  userId: Uuid("Who booked."),
  status: OrderStatus,
  totalMinor: Minor("Order total in minor units of currency (0 when free)."),
  currency: Currency,
  seats: Type.Integer({ minimum: 1, description: "Seats (tickets) in the order." }),
  occurredAt: Timestamp("When the transition happened."),
};

const facts = <P extends Record<string, import("@sinclair/typebox").TSchema>>(extra: P) =>
  Type.Object({ ...BookingFacts, ...extra }, { additionalProperties: false });

export const bookingEvents = {
  reserved: event({
    subject: "evt.booking.reserved",
    description: "Seats were held for an order until reservedUntil (a paid order waiting for payment).",
    data: facts({ reservedUntil: Timestamp("When the hold ends unless paid.") }),
  }),
  paymentStarted: event({
    subject: "evt.booking.payment_started",
    description: "A payment was started for a held order (svc.bookings.orders.begin-payment); the order is now awaiting_payment.",
    data: facts({ paymentId: Uuid("The payment (payments service)."), reservedUntil: Timestamp("When the hold ends unless settled.") }),
  }),
  confirmed: event({
    subject: "evt.booking.confirmed",
    description: "An order was confirmed (free at once, or paid). Notifications sends the tickets (codes via svc.bookings.tickets.for-order).",
    data: facts({ paymentId: Type.Union([Uuid("The payment that settled it."), Type.Null()], { description: "The payment, or null when free." }) }),
  }),
  expired: event({
    subject: "evt.booking.expired",
    description: "A hold ran out before payment; its seats went back to the quota.",
    data: facts({}),
  }),
  cancelled: event({
    subject: "evt.booking.cancelled",
    description:
      "An order was cancelled and its seats went back to the quota (exactly once). refundDueMinor > 0 asks payments to refund that much of a paid order.",
    data: facts({
      reason: CancelReason,
      refundDueMinor: Minor("Amount to refund in minor units (0 when free, unpaid, or outside the refund rules)."),
      paymentId: Type.Union([Uuid("The payment that paid it."), Type.Null()], { description: "The payment to refund, or null." }),
    }),
  }),
  refunded: event({
    subject: "evt.booking.refunded",
    description: "Payments refunded an order (status refunded, or partially_refunded when less than the total).",
    data: facts({ refundedMinor: Minor("Refunded so far, in minor units."), paymentId: Uuid("The refunded payment.") }),
  }),
} as const;

export const waitlistEvents = {
  offered: event({
    subject: "evt.waitlist.offered",
    description:
      "Seats freed up and were offered (held) to a waitlist entry until expiresAt; accept with svc.bookings.waitlist.accept, decline with svc.bookings.waitlist.decline.",
    data: Type.Object(
      {
        entryId: EntryId,
        eventId: EventId,
        userId: Uuid("Who waits."),
        seats: Type.Integer({ minimum: 1, description: "Seats offered (the entry's group size)." }),
        expiresAt: Timestamp("When the offer lapses and moves on."),
        occurredAt: Timestamp("When it was offered."),
      },
      { additionalProperties: false },
    ),
  }),
  offerExpired: event({
    subject: "evt.waitlist.offer_expired",
    description: "An offer lapsed unanswered; its seats moved on to the next entry.",
    data: Type.Object(
      {
        entryId: EntryId,
        eventId: EventId,
        userId: Uuid("Who waited."),
        seats: Type.Integer({ minimum: 1, description: "Seats that were offered." }),
        occurredAt: Timestamp("When it lapsed."),
      },
      { additionalProperties: false },
    ),
  }),
} as const;

export const ticketEvents = {
  checkedIn: event({
    subject: "evt.ticket.checked_in",
    description: "A ticket was checked in for the first time (online scan or an uploaded offline scan).",
    data: Type.Object(
      {
        ticketId: TicketId,
        orderId: OrderId,
        eventId: EventId,
        userId: Uuid("Who booked the ticket."),
        checkedInAt: Timestamp("When it was scanned (the device's time for offline scans)."),
        checkedInBy: Uuid("Staff member who scanned it."),
        offline: Type.Boolean({ description: "Whether it came from an uploaded offline scan." }),
        occurredAt: Timestamp("When it was recorded."),
      },
      { additionalProperties: false },
    ),
  }),
} as const;
