/** Bookings: orders, ticket types, participants, tickets, check-in and waitlists (svc.bookings.*). */
import type { Static } from "@sinclair/typebox";
import { bookings, type Participant as ParticipantSchema } from "../../../subjects/bookings.ts";
import { inputFrom, route, type ResponseCaching, type Route } from "./route.ts";

type Participant = Static<typeof ParticipantSchema>;

const tag = "bookings";
const ev = { id: "eventId" };

/** Seats left on the event page: cached until a booking event of that event changes them. */
const seatsLeft: ResponseCaching = {
  tags: (input) => [`seats:${String(input.eventId)}`],
  invalidatedBy: "evt.>",
  invalidates: (data) => (typeof data.eventId === "string" ? [`seats:${data.eventId}`] : []),
};

export const bookingRoutes: Route[] = [
  route({ method: "POST", path: "/v1/bookings", contract: bookings.ordersCreate, auth: "user", tag, summary: "Book seats: items per ticket type, or {eventId, seats} of the default type; 409 sold_out when they are gone", input: { body: true }, status: 201, creates: true }),
  route({ method: "GET", path: "/v1/bookings/{id}", contract: bookings.ordersGet, auth: "user", tag, summary: "A booking with its tickets (its booker or the event's organizers)", input: { path: { id: "orderId" } } }),
  route({ method: "DELETE", path: "/v1/bookings/{id}", contract: bookings.ordersCancel, auth: "user", tag, summary: "Cancel a booking (its booker within the event's rules, or the event's organizers); seats return once", input: { path: { id: "orderId" } } }),
  route({ method: "GET", path: "/v1/me/bookings", contract: bookings.ordersMine, auth: "user", tag, summary: "My bookings with their tickets, newest first", input: { query: ["status", "cursor", "limit"] } }),
  {
    ...route({ method: "POST", path: "/v1/events/{id}/register", contract: bookings.ordersCreate, auth: "user", tag, summary: "Register for a free event (one seat of the default ticket type)", input: { path: ev, body: true }, status: 201, creates: true }),
    // One seat of the default type, whatever items a client sends (attendee names may come along).
    toInput: (req) => ({ attendees: undefined, ...inputFrom(bookings.ordersCreate.request, { path: ev, body: true }, req), items: undefined, seats: 1 }),
  },
  route({ method: "GET", path: "/v1/events/{id}/availability", contract: bookings.availability, auth: "public", tag, summary: "Seats left of an event and of its ticket types", input: { path: ev }, cache: seatsLeft }),
  route({ method: "GET", path: "/v1/events/{id}/booking-settings", contract: bookings.settingsGet, auth: "public", tag, summary: "An event's booking rules: hold time, cancellation deadline and refund, waitlist", input: { path: ev } }),
  route({ method: "PATCH", path: "/v1/events/{id}/booking-settings", contract: bookings.settingsPut, auth: "user", tag, summary: "Change an event's booking rules (its organizers)", input: { path: ev, body: true } }),
  route({ method: "GET", path: "/v1/events/{id}/registrations", contract: bookings.registrations, auth: "user", tag, summary: "Participants (one row per ticket) with status filter, search and counts (its organizers)", input: { path: ev, query: ["status", "q", "cursor", "limit"] } }),
  route({
    method: "GET",
    path: "/v1/events/{id}/registrations.csv",
    contract: bookings.registrations,
    auth: "user",
    tag,
    summary: "All participants as a CSV download, streamed (its organizers)",
    input: { path: ev, query: ["status", "q"] },
    csv: {
      filename: (input) => `participants-${input.eventId}.csv`,
      columns: ["name", "email", "ticket_type", "status", "booked_at", "checked_in_at", "ticket_id", "order_id"],
      row: (p: Participant) => [p.attendeeName, p.attendeeEmail, p.ticketTypeName, p.status, p.bookedAt, p.checkedInAt, p.ticketId, p.orderId],
      pageSize: 1000,
    },
  }),
  route({ method: "GET", path: "/v1/events/{id}/sales", contract: bookings.salesGet, auth: "user", tag, summary: "Sales per day and per ticket type, for charts (its organizers)", input: { path: ev } }),
  route({ method: "GET", path: "/v1/events/{id}/ticket-types", contract: bookings.ticketTypesList, auth: "public", tag, summary: "Ticket types of an event (hidden ones and quotas for its organizers)", input: { path: ev } }),
  route({ method: "POST", path: "/v1/events/{id}/ticket-types", contract: bookings.ticketTypesCreate, auth: "user", tag, summary: "Add a ticket type (its organizers)", input: { path: ev, body: true }, status: 201, creates: true }),
  route({ method: "PATCH", path: "/v1/events/{id}/ticket-types/{ticketTypeId}", contract: bookings.ticketTypesUpdate, auth: "user", tag, summary: "Change a ticket type (its organizers)", input: { path: { ...ev, ticketTypeId: "ticketTypeId" }, body: true } }),
  route({ method: "POST", path: "/v1/events/{id}/quotas", contract: bookings.quotasCreate, auth: "user", tag, summary: "Add a quota shared by ticket types (its organizers)", input: { path: ev, body: true }, status: 201, creates: true }),
  route({ method: "POST", path: "/v1/events/{id}/waitlist", contract: bookings.waitlistJoin, auth: "user", tag, summary: "Join the waitlist of a sold-out event with a group size", input: { path: ev, body: true }, status: 201, creates: true }),
  route({ method: "GET", path: "/v1/events/{id}/waitlist/me", contract: bookings.waitlistMine, auth: "user", tag, summary: "My place on the waitlist", input: { path: ev } }),
  route({ method: "DELETE", path: "/v1/events/{id}/waitlist/me", contract: bookings.waitlistLeave, auth: "user", tag, summary: "Leave the waitlist (declines an open offer)", input: { path: ev } }),
  route({ method: "GET", path: "/v1/events/{id}/waitlist", contract: bookings.waitlistList, auth: "user", tag, summary: "The waitlist in queue order (its organizers)", input: { path: ev, query: ["cursor", "limit"] } }),
  route({ method: "POST", path: "/v1/waitlist/{entryId}/accept", contract: bookings.waitlistAccept, auth: "user", tag, summary: "Accept a waitlist offer: its held seats become a booking", input: { path: { entryId: "entryId" } }, status: 201, creates: true }),
  route({ method: "POST", path: "/v1/waitlist/{entryId}/decline", contract: bookings.waitlistDecline, auth: "user", tag, summary: "Decline a waitlist offer; its seats move on", input: { path: { entryId: "entryId" } } }),
  route({ method: "POST", path: "/v1/events/{id}/check-ins", contract: bookings.checkInsScan, auth: "user", tag, summary: "Scan a ticket code at the door: valid, already_checked_in, other_event, cancelled or forged", input: { path: ev, body: true }, status: 200, creates: true }),
  route({ method: "POST", path: "/v1/events/{id}/check-ins/offline", contract: bookings.checkInsUpload, auth: "user", tag, summary: "Upload scans made offline; the earliest scan of a ticket wins", input: { path: ev, body: true }, status: 200, creates: true }),
  route({ method: "GET", path: "/v1/events/{id}/check-ins/package", contract: bookings.checkInsPackage, auth: "user", tag, summary: "Offline check-in package: public key, revoked tickets, valid tickets", input: { path: ev } }),
  route({ method: "GET", path: "/v1/events/{id}/check-ins", contract: bookings.checkInsList, auth: "user", tag, summary: "Check-in list by ticket type, with counts", input: { path: ev, query: ["ticketTypeId", "checkedIn", "cursor", "limit"] } }),
  route({ method: "GET", path: "/v1/tickets/public-key", contract: bookings.publicKey, auth: "public", tag, summary: "The Ed25519 public key (JWK) that verifies ticket codes offline" }),
  route({ method: "GET", path: "/v1/tickets/{id}", contract: bookings.ticketsGet, auth: "user", tag, summary: "A ticket with its signed code", input: { path: { id: "ticketId" } } }),
  route({
    method: "GET",
    path: "/v1/tickets/{id}/qr.svg",
    contract: bookings.ticketsQr,
    auth: "user",
    tag,
    summary: "The ticket's QR code as SVG",
    input: { path: { id: "ticketId" }, fixed: { format: "svg" } },
    representation: { type: "image/svg+xml", render: (reply) => Buffer.from((reply as { dataBase64: string }).dataBase64, "base64").toString() },
  }),
  route({ method: "GET", path: "/v1/tickets/{id}/qr", contract: bookings.ticketsQr, auth: "user", tag, summary: "The ticket's QR code (format=png|svg), base64 in JSON", input: { path: { id: "ticketId" }, query: ["format"] } }),
];
