/** The event side, for its organizers: availability, settings, ticket types, quotas, registrations, sales and attendees. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { NextCursor, PageRequest, Uuid } from "../common.ts";
import {
  Availability,
  Currency,
  EventId,
  EventSettings,
  Minor,
  OrderStatus,
  Participant,
  QuotaView,
  TicketTypeId,
  TicketTypeInput,
  TicketTypeView,
} from "./schemas.ts";

export const eventSide = {
  availability: request({
    subject: "svc.bookings.availability.get",
    description: "Seats left of an event and of its public ticket types (a projection kept by the inventory, no call per read).",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Availability,
    idempotent: true,
  }),
  settingsGet: request({
    subject: "svc.bookings.settings.get",
    description: "An event's booking rules (hold time, cancellation deadline and refund, waitlist).",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: EventSettings,
    idempotent: true,
  }),
  settingsPut: request({
    subject: "svc.bookings.settings.put",
    description: "Changes an event's booking rules (its organizers).",
    request: Type.Object(
      {
        eventId: EventId,
        holdMinutes: Type.Optional(EventSettings.properties.holdMinutes),
        cancelDeadlineHours: Type.Optional(EventSettings.properties.cancelDeadlineHours),
        refundPercent: Type.Optional(EventSettings.properties.refundPercent),
        waitlistEnabled: Type.Optional(EventSettings.properties.waitlistEnabled),
        waitlistOfferMinutes: Type.Optional(EventSettings.properties.waitlistOfferMinutes),
      },
      { additionalProperties: false },
    ),
    reply: EventSettings,
    idempotent: true,
  }),
  ticketTypesList: request({
    subject: "svc.bookings.ticket-types.list",
    description: "An event's ticket types (hidden ones only for its organizers).",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Type.Object({
      items: Type.Array(TicketTypeView),
      quotas: Type.Array(QuotaView, { description: "The event's quotas (organizers only; empty for others)." }),
    }, { additionalProperties: false }),
    idempotent: true,
  }),
  ticketTypesCreate: request({
    subject: "svc.bookings.ticket-types.create",
    description: "Adds a ticket type to an event (its organizers).",
    request: Type.Object({ eventId: EventId, ...TicketTypeInput }, { additionalProperties: false }),
    reply: TicketTypeView,
    idempotent: false,
  }),
  ticketTypesUpdate: request({
    subject: "svc.bookings.ticket-types.update",
    description: "Changes a ticket type (its event's organizers); price changes apply to new orders only.",
    request: Type.Object({ eventId: EventId, ticketTypeId: TicketTypeId, ...TicketTypeInput, name: Type.Optional(TicketTypeInput.name) }, {
      additionalProperties: false,
    }),
    reply: TicketTypeView,
    idempotent: true,
  }),
  quotasCreate: request({
    subject: "svc.bookings.quotas.create",
    description: "Adds a quota shared by ticket types of an event (its organizers).",
    request: Type.Object(
      {
        eventId: EventId,
        name: QuotaView.properties.name,
        size: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()], { description: "Seats, or null = unlimited." }),
      },
      { additionalProperties: false },
    ),
    reply: QuotaView,
    idempotent: false,
  }),
  registrations: request({
    subject: "svc.bookings.registrations.list",
    description:
      "Participants of an event for its organizers: one row per ticket, filtered by order status and searched by attendee name or email, with counts per status.",
    request: Type.Object(
      {
        eventId: EventId,
        status: Type.Optional(OrderStatus),
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Part of an attendee's name or email." })),
        ...PageRequest,
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: "Page size (1-1000; CSV export pages by 1000)." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        items: Type.Array(Participant, { description: "This page." }),
        nextCursor: NextCursor,
        counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: "Tickets per order status (whole event, not just this page)." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  salesGet: request({
    subject: "svc.bookings.sales.get",
    description:
      "An event's sales for its organizers' charts: tickets sold per day (UTC days of booking; orders confirmed or partially refunded), and per ticket type (public ones, and hidden ones that sold) sold, on hold, checked in and revenue before refunds.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Type.Object(
      {
        eventId: EventId,
        days: Type.Array(
          Type.Object(
            {
              date: Type.String({ format: "date", description: "UTC day the orders were made." }),
              tickets: Type.Integer({ minimum: 0 }),
              orders: Type.Integer({ minimum: 0 }),
            },
            { additionalProperties: false },
          ),
          { description: "Days with sales, oldest first." },
        ),
        ticketTypes: Type.Array(
          Type.Object(
            {
              ticketTypeId: TicketTypeId,
              name: Type.String(),
              quantity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Its own limit, or null (only its quotas limit it)." }),
              sold: Type.Integer({ minimum: 0, description: "Tickets of confirmed or partially refunded orders." }),
              held: Type.Integer({ minimum: 0, description: "Tickets of orders reserved or awaiting payment." }),
              checkedIn: Type.Integer({ minimum: 0 }),
              revenueMinor: Minor("Sold tickets times their price, before refunds."),
              currency: Currency,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  attendeesList: request({
    subject: "svc.bookings.attendees.list",
    description:
      "Who attends an event, for a message to its attendees (its organizers; the notifications service forwards the organizer's principal): the bookers of its confirmed (or partially refunded) orders, each once, in user-id order; only those holding a ticket of one type, or only those with a checked-in ticket.",
    request: Type.Object(
      {
        eventId: EventId,
        ticketTypeId: Type.Optional(Uuid("Only bookers holding a ticket of this type.")),
        checkedIn: Type.Optional(Type.Boolean({ description: "true: only bookers with a checked-in ticket; false: only those with none checked in." })),
        after: Type.Optional(Uuid("Exclusive lower bound: the `last` of the previous page.")),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000, description: "Page size (1-5000)." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        userIds: Type.Array(Uuid("A booker."), { description: "This page, in user-id order." }),
        last: Type.Union([Uuid("Pass as after for the next page."), Type.Null()], {
          description: "The last id of a full page (more may follow), or null at the end.",
        }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
} as const;
