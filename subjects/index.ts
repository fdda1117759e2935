/**
 * The catalogue: every contract between services. Docs, OpenAPI and the catalogue test read it.
 * A domain adds its module here (one line) and its fixtures to fixtures/index.ts.
 */
import type { Contract } from "./contract.ts";
import { identity, identityEvents } from "./identity.ts";
import { eventEvents, events } from "./events.ts";
import { notificationJobs, notifications } from "./notifications.ts";
import { notificationsSms } from "./notifications/sms.ts";
import { bookingEvents, bookings, ticketEvents, waitlistEvents } from "./bookings.ts";
import { paymentEvents, payments } from "./payments.ts";

export const catalog: Contract[] = [
  ...Object.values(identity),
  ...Object.values(identityEvents),
  ...Object.values(eventEvents),
  ...Object.values(events),
  ...Object.values(notifications),
  ...Object.values(notificationJobs),
  ...Object.values(notificationsSms),
  ...Object.values(bookings),
  ...Object.values(bookingEvents),
  ...Object.values(waitlistEvents),
  ...Object.values(ticketEvents),
  ...Object.values(payments),
  ...Object.values(paymentEvents),
];
