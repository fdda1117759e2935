/**
 * Bookings: ticket types and quotas, orders (holds → payment → confirmed), tickets with signed
 * codes, waitlists and check-in. Payments and notifications code against this module:
 * - payments calls svc.bookings.orders.get / begin-payment / settle and consumes
 *   evt.booking.cancelled (refundDueMinor > 0 → refund); bookings consumes evt.payment.failed and
 *   evt.payment.refunded (subjects/payments.ts).
 * - notifications consumes evt.booking.*, evt.waitlist.offered/offer_expired and asks
 *   svc.bookings.tickets.for-order for codes and QR when it renders a confirmation. Ticket codes
 *   never travel inside events: they are credentials.
 * Additive changes only within a version (new optional fields, new subjects).
 * One file per sub-domain under subjects/bookings/; this module puts them back together.
 */
import { orders } from "./bookings/orders.ts";
import { eventSide } from "./bookings/event-side.ts";
import { tickets } from "./bookings/tickets.ts";
import { checkIn } from "./bookings/check-in.ts";
import { waitlist } from "./bookings/waitlist.ts";

export {
  Attendee,
  Availability,
  CancelReason,
  Currency,
  EventSettings,
  OrderLine,
  OrderStatus,
  OrderView,
  Participant,
  QuotaView,
  ScanResult,
  TicketTypeView,
  TicketView,
  WaitlistEntryView,
} from "./bookings/schemas.ts";
export { bookingEvents, ticketEvents, waitlistEvents } from "./bookings/events.ts";

/** Every request bookings serves (svc.bookings.*). */
export const bookings = { ...orders, ...eventSide, ...tickets, ...checkIn, ...waitlist } as const;
