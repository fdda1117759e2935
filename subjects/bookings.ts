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
 */
import { Type, type Static } from "@sinclair/typebox";
import { event, request } from "./contract.ts";
import { Email, NextCursor, PageRequest, Timestamp, Uuid } from "./common.ts";

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

/**
 * Lifecycle of an order. reserved (seats held until reservedUntil) → awaiting_payment (a payment
 * was started) → confirmed; reserved/awaiting_payment → expired (hold ran out) or cancelled;
 * confirmed → cancelled (within the event's rules, or by the organizer), refunded or
 * partially_refunded (from payments). A free order is confirmed at once.
 * WARNING: wire values; renaming one breaks consumers and stored orders.
 */
export const OrderStatus = Type.Union(
  [
    Type.Literal("reserved"),
    Type.Literal("awaiting_payment"),
    Type.Literal("confirmed"),
    Type.Literal("expired"),
    Type.Literal("cancelled"),
    Type.Literal("refunded"),
    Type.Literal("partially_refunded"),
  ],
  { description: "Order status: reserved → awaiting_payment → confirmed; expired; cancelled; refunded / partially_refunded." },
);
export type OrderStatus = Static<typeof OrderStatus>;

/** ISO 4217 currency of a paid order, or null for a free one. */
export const Currency = Type.Union([Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217 code, e.g. EUR or KZT." }), Type.Null()], {
  description: "ISO 4217 currency, or null when free.",
});
const Minor = (description: string) => Type.Integer({ minimum: 0, description });

const EventId = Uuid("The event (events service id).");
const OrderId = Uuid("The order (booking).");
const TicketId = Uuid("The ticket (one seat).");
const TicketTypeId = Uuid("The ticket type.");
const QuotaId = Uuid("The quota.");
const EntryId = Uuid("The waitlist entry.");

/** Why an order was cancelled. WARNING: wire values. */
export const CancelReason = Type.Union(
  [Type.Literal("attendee"), Type.Literal("organizer"), Type.Literal("event_cancelled"), Type.Literal("payment_failed")],
  { description: "Who or what cancelled it: the attendee, the event's organizer, the event's cancellation, or a failed payment." },
);

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

const facts = <P extends Record<string, import("@sinclair/typebox").TSchema>>(extra: P) => Type.Object({ ...BookingFacts, ...extra }, { additionalProperties: false });

export const bookingEvents = {
  reserved: event({
    subject: "evt.booking.reserved",
    description: "Seats were held for an order until reservedUntil (a paid order waiting for payment).",
    data: facts({ reservedUntil: Timestamp("When the hold ends unless paid.") }),
  }),
  awaitingPayment: event({
    subject: "evt.booking.awaiting_payment",
    description: "A payment was started for a held order (svc.bookings.orders.begin-payment).",
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
    description: "An order was cancelled and its seats went back to the quota (exactly once). refundDueMinor > 0 asks payments to refund that much of a paid order.",
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
    description: "Seats freed up and were offered (held) to a waitlist entry until expiresAt; accept with svc.bookings.waitlist.accept, decline with svc.bookings.waitlist.decline.",
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

// ---------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------

const Name = Type.String({ minLength: 1, maxLength: 200, description: "Attendee's name as printed on the ticket." });

export const Attendee = Type.Object(
  { name: Name, email: Type.Optional(Email) },
  { additionalProperties: false, description: "Who uses a seat." },
);

export const TicketView = Type.Object(
  {
    id: TicketId,
    orderId: OrderId,
    eventId: EventId,
    ticketTypeId: TicketTypeId,
    ticketTypeName: Type.String({ description: "Name of the ticket type." }),
    attendeeName: Name,
    attendeeEmail: Type.Union([Email, Type.Null()], { description: "Attendee's email, or null." }),
    status: Type.Union([Type.Literal("valid"), Type.Literal("cancelled")], { description: "valid while the order is confirmed (or held); cancelled otherwise." }),
    checkedInAt: Type.Union([Timestamp("First check-in."), Type.Null()], { description: "When it was first checked in, or null." }),
  },
  { additionalProperties: false },
);
export type TicketView = Static<typeof TicketView>;

export const OrderLine = Type.Object(
  {
    ticketTypeId: TicketTypeId,
    name: Type.String({ description: "Ticket type name." }),
    quantity: Type.Integer({ minimum: 1, description: "Seats of this type." }),
    unitPriceMinor: Minor("Price of one seat in minor units."),
  },
  { additionalProperties: false },
);

export const OrderView = Type.Object(
  {
    id: OrderId,
    eventId: EventId,
    userId: Uuid("Who booked."),
    status: OrderStatus,
    seats: Type.Integer({ minimum: 1, description: "Seats in the order." }),
    totalMinor: Minor("Total in minor units (0 when free)."),
    currency: Currency,
    refundedMinor: Minor("Refunded so far, in minor units."),
    reservedUntil: Type.Union([Timestamp("End of the hold."), Type.Null()], { description: "When the hold ends (reserved and awaiting_payment), else null." }),
    paymentId: Type.Union([Uuid("The current payment."), Type.Null()], { description: "The payment started or settled for it, or null." }),
    lines: Type.Array(OrderLine, { description: "What was booked, per ticket type." }),
    tickets: Type.Array(TicketView, { description: "One per seat." }),
    cancelReason: Type.Union([CancelReason, Type.Null()], { description: "Why it was cancelled, or null." }),
    createdAt: Timestamp("When it was created."),
    updatedAt: Timestamp("Last transition."),
  },
  { additionalProperties: false },
);
export type OrderView = Static<typeof OrderView>;

export const TicketTypeView = Type.Object(
  {
    id: TicketTypeId,
    eventId: EventId,
    name: Type.String({ minLength: 1, maxLength: 100, description: "Name, e.g. Standard or Early bird." }),
    priceMinor: Minor("Price of one seat in minor units (0 = free)."),
    currency: Currency,
    quantity: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: "Seats of this type at most, or null = limited only by its quotas." }),
    salesStart: Type.Union([Timestamp("Sales open."), Type.Null()], { description: "When sales open, or null = now." }),
    salesEnd: Type.Union([Timestamp("Sales close."), Type.Null()], { description: "When sales close, or null = the event's start." }),
    maxPerOrder: Type.Integer({ minimum: 1, maximum: 100, description: "Seats of this type one order may hold." }),
    visibility: Type.Union([Type.Literal("public"), Type.Literal("hidden")], { description: "public: offered on the event page; hidden: bookable by id only." }),
    quotaIds: Type.Array(QuotaId, { description: "Quotas the seats draw from (all must have room)." }),
    remaining: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Seats still bookable (min over its quotas and its quantity), or null = unlimited." }),
    isDefault: Type.Boolean({ description: "The type a plain {eventId, seats} booking uses." }),
  },
  { additionalProperties: false },
);
export type TicketTypeView = Static<typeof TicketTypeView>;

export const QuotaView = Type.Object(
  {
    id: QuotaId,
    eventId: EventId,
    name: Type.String({ minLength: 1, maxLength: 100, description: "Name, e.g. Capacity or Balcony." }),
    size: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Seats in the quota, or null = unlimited." }),
    taken: Type.Integer({ minimum: 0, description: "Seats held, awaiting payment or sold." }),
    isCapacity: Type.Boolean({ description: "The quota that follows the event's capacity." }),
  },
  { additionalProperties: false },
);

export const Availability = Type.Object(
  {
    eventId: EventId,
    capacity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Seats in all, or null = unlimited." }),
    remaining: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Seats left, or null = unlimited." }),
    soldOut: Type.Boolean({ description: "Whether no seat is left." }),
    waitlistOpen: Type.Boolean({ description: "Whether joining the waitlist is possible now." }),
    ticketTypes: Type.Array(
      Type.Object(
        { id: TicketTypeId, name: Type.String(), priceMinor: Minor("Price in minor units."), currency: Currency, remaining: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Seats left of it, or null = unlimited." }), onSale: Type.Boolean({ description: "Inside its sales window." }) },
        { additionalProperties: false },
      ),
      { description: "Public ticket types." },
    ),
  },
  { additionalProperties: false },
);

export const EventSettings = Type.Object(
  {
    eventId: EventId,
    holdMinutes: Type.Integer({ minimum: 1, maximum: 10_080, description: "How long a paid order's seats are held before payment (default 15)." }),
    cancelDeadlineHours: Type.Integer({ minimum: 0, maximum: 8_760, description: "Attendees may cancel until this many hours before the start." }),
    refundPercent: Type.Integer({ minimum: 0, maximum: 100, description: "Share of a paid order refunded when the attendee cancels in time." }),
    waitlistEnabled: Type.Boolean({ description: "Whether users may join the waitlist when sold out." }),
    waitlistOfferMinutes: Type.Integer({ minimum: 1, maximum: 10_080, description: "How long a waitlist offer holds its seats." }),
  },
  { additionalProperties: false },
);

export const WaitlistEntryView = Type.Object(
  {
    id: EntryId,
    eventId: EventId,
    userId: Uuid("Who waits."),
    seats: Type.Integer({ minimum: 1, maximum: 10, description: "Group size." }),
    status: Type.Union([Type.Literal("waiting"), Type.Literal("offered"), Type.Literal("accepted"), Type.Literal("declined"), Type.Literal("expired"), Type.Literal("left")], {
      description: "waiting → offered → accepted | declined | expired; left when the user leaves.",
    }),
    position: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: "Place in the queue while waiting, else null." }),
    offerExpiresAt: Type.Union([Timestamp("Offer lapses."), Type.Null()], { description: "While offered: when the offer lapses." }),
    orderId: Type.Union([OrderId, Type.Null()], { description: "The order made on accepting, or null." }),
    createdAt: Timestamp("When the user joined."),
  },
  { additionalProperties: false },
);

/** Outcome of scanning a ticket code. WARNING: wire values (scanner apps switch on them). */
export const ScanResult = Type.Union(
  [Type.Literal("valid"), Type.Literal("already_checked_in"), Type.Literal("other_event"), Type.Literal("cancelled"), Type.Literal("forged")],
  { description: "valid: admitted now; already_checked_in: first scan's time and staff in checkedInAt/checkedInBy; other_event: a genuine code of another event; cancelled: the order is no longer valid; forged: the signature does not verify." },
);

const ScanOutcome = Type.Object(
  {
    result: ScanResult,
    ticket: Type.Union([TicketView, Type.Null()], { description: "The ticket (null when forged or of another event)." }),
    checkedInAt: Type.Union([Timestamp("First check-in."), Type.Null()], { description: "The first scan's time (valid: now; already_checked_in: the earlier one)." }),
    checkedInBy: Type.Union([Uuid("Staff member of the first scan."), Type.Null()], { description: "Who scanned it first." }),
  },
  { additionalProperties: false },
);

const PublicKey = Type.Object(
  {
    kid: Type.String({ description: "Key id, carried in each code's header." }),
    alg: Type.Literal("EdDSA", { description: "Signature algorithm (Ed25519)." }),
    jwk: Type.Object(
      { kty: Type.Literal("OKP"), crv: Type.Literal("Ed25519"), x: Type.String({ description: "Public key, base64url." }), kid: Type.String() },
      { additionalProperties: false, description: "The public key as a JWK." },
    ),
  },
  { additionalProperties: false },
);

export const Participant = Type.Object(
  {
    ticketId: TicketId,
    orderId: OrderId,
    userId: Uuid("Who booked."),
    attendeeName: Name,
    attendeeEmail: Type.Union([Email, Type.Null()], { description: "Attendee's email, or null." }),
    ticketTypeName: Type.String({ description: "Ticket type." }),
    status: OrderStatus,
    checkedInAt: Type.Union([Timestamp("First check-in."), Type.Null()], { description: "When checked in, or null." }),
    bookedAt: Timestamp("When the order was made."),
  },
  { additionalProperties: false },
);

const Page = <T extends import("@sinclair/typebox").TSchema>(item: T) => Type.Object({ items: Type.Array(item, { description: "This page." }), nextCursor: NextCursor }, { additionalProperties: false });

const Items = Type.Array(
  Type.Object(
    {
      ticketTypeId: TicketTypeId,
      quantity: Type.Integer({ minimum: 1, maximum: 100, description: "Seats of this type." }),
      attendees: Type.Optional(Type.Array(Attendee, { maxItems: 100, description: "One per seat, in order; missing names default to the booker's." })),
    },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 20, description: "What to book, per ticket type." },
);

const TicketTypeInput = {
  name: Type.String({ minLength: 1, maxLength: 100, description: "Name, e.g. Standard." }),
  priceMinor: Type.Optional(Minor("Price in minor units (0 or absent = free).")),
  currency: Type.Optional(Currency),
  quantity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], { description: "Seats of this type at most, or null." })),
  salesStart: Type.Optional(Type.Union([Timestamp("Sales open."), Type.Null()], { description: "When sales open, or null." })),
  salesEnd: Type.Optional(Type.Union([Timestamp("Sales close."), Type.Null()], { description: "When sales close, or null = the event's start." })),
  maxPerOrder: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: "Seats per order (default 10)." })),
  visibility: Type.Optional(Type.Union([Type.Literal("public"), Type.Literal("hidden")], { description: "public (default) or hidden." })),
  quotaIds: Type.Optional(Type.Array(QuotaId, { maxItems: 10, uniqueItems: true, description: "Quotas to draw from (default: the event's capacity quota)." })),
};

const Qr = Type.Object(
  {
    contentType: Type.Union([Type.Literal("image/png"), Type.Literal("image/svg+xml")], { description: "Media type." }),
    dataBase64: Type.String({ description: "The image, base64." }),
  },
  { additionalProperties: false },
);

const NoInput = Type.Object({}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------
// Requests (svc.bookings.*)
// ---------------------------------------------------------------------------------------------

export const bookings = {
  // --- orders -------------------------------------------------------------------------------
  ordersCreate: request({
    subject: "svc.bookings.orders.create",
    description: "Books seats for the caller: items per ticket type, or a plain `seats` of the default type. A free order is confirmed at once; a paid one is held (reserved) for the event's holdMinutes. conflict `sold_out` when the seats are not there (details.waitlistOpen says whether joining the waitlist is possible).",
    request: Type.Object(
      {
        eventId: EventId,
        items: Type.Optional(Items),
        seats: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: "Seats of the default ticket type (instead of items)." })),
        attendees: Type.Optional(Type.Array(Attendee, { maxItems: 100, description: "With `seats`: one per seat, in order." })),
      },
      { additionalProperties: false },
    ),
    reply: OrderView,
    idempotent: false,
  }),
  ordersGet: request({
    subject: "svc.bookings.orders.get",
    description: "One order with its tickets (its booker, the event's organizers, admins, or a service call without a principal, e.g. payments).",
    request: Type.Object({ orderId: OrderId }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  ordersCancel: request({
    subject: "svc.bookings.orders.cancel",
    description: "Cancels an order: its booker (until the event's cancellation deadline; a paid order gets refundPercent back) or the event's organizers (full refund). Seats return to the quota exactly once; cancelling again answers the cancelled order.",
    request: Type.Object({ orderId: OrderId }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  ordersBeginPayment: request({
    subject: "svc.bookings.orders.begin-payment",
    description: "Payments started paying a held order: reserved → awaiting_payment (idempotent for the same paymentId). conflict `order_expired` when its hold is over, `order_not_payable` in any other state.",
    request: Type.Object({ orderId: OrderId, paymentId: Uuid("The payment.") }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  ordersSettle: request({
    subject: "svc.bookings.orders.settle",
    description: "Payments received the money: confirms a held order (idempotent) and answers confirmed; answers gone when its hold expired and the seats were released (or it was cancelled), so payments rejects or refunds.",
    request: Type.Object({ orderId: OrderId, paymentId: Uuid("The payment that succeeded.") }, { additionalProperties: false }),
    reply: Type.Object(
      {
        outcome: Type.Union([Type.Literal("confirmed"), Type.Literal("gone")], { description: "confirmed: the order is (now) confirmed; gone: it can no longer be confirmed." }),
        order: OrderView,
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  ordersMine: request({
    subject: "svc.bookings.orders.mine",
    description: "The caller's orders with tickets, newest first.",
    request: Type.Object({ status: Type.Optional(OrderStatus), ...PageRequest }, { additionalProperties: false }),
    reply: Page(OrderView),
    idempotent: true,
  }),

  // --- event side ---------------------------------------------------------------------------
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
    reply: Type.Object({ items: Type.Array(TicketTypeView), quotas: Type.Array(QuotaView, { description: "The event's quotas (organizers only; empty for others)." }) }, { additionalProperties: false }),
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
    request: Type.Object({ eventId: EventId, ticketTypeId: TicketTypeId, ...TicketTypeInput, name: Type.Optional(TicketTypeInput.name) }, { additionalProperties: false }),
    reply: TicketTypeView,
    idempotent: true,
  }),
  quotasCreate: request({
    subject: "svc.bookings.quotas.create",
    description: "Adds a quota shared by ticket types of an event (its organizers).",
    request: Type.Object(
      { eventId: EventId, name: QuotaView.properties.name, size: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()], { description: "Seats, or null = unlimited." }) },
      { additionalProperties: false },
    ),
    reply: QuotaView,
    idempotent: false,
  }),
  registrations: request({
    subject: "svc.bookings.registrations.list",
    description: "Participants of an event for its organizers: one row per ticket, filtered by order status and searched by attendee name or email, with counts per status.",
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
            { date: Type.String({ format: "date", description: "UTC day the orders were made." }), tickets: Type.Integer({ minimum: 0 }), orders: Type.Integer({ minimum: 0 }) },
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
        last: Type.Union([Uuid("Pass as after for the next page."), Type.Null()], { description: "The last id of a full page (more may follow), or null at the end." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),

  // --- tickets ------------------------------------------------------------------------------
  ticketsGet: request({
    subject: "svc.bookings.tickets.get",
    description: "A ticket with its signed code (its booker, the event's organizers).",
    request: Type.Object({ ticketId: TicketId }, { additionalProperties: false }),
    reply: Type.Object({ ticket: TicketView, code: Type.String({ description: "Signed ticket code (compact JWS, EdDSA); the QR carries it." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  ticketsQr: request({
    subject: "svc.bookings.tickets.qr",
    description: "The QR image of a ticket's code, PNG or SVG.",
    request: Type.Object({ ticketId: TicketId, format: Type.Union([Type.Literal("png"), Type.Literal("svg")], { description: "Image format." }) }, { additionalProperties: false }),
    reply: Qr,
    idempotent: true,
  }),
  ticketsForOrder: request({
    subject: "svc.bookings.tickets.for-order",
    description: "Tickets of an order with their codes and QR images, for notifications rendering a confirmation (service call, or the order's booker).",
    request: Type.Object({ orderId: OrderId, qr: Type.Optional(Type.Boolean({ default: true, description: "Include QR images (PNG and SVG)." })) }, { additionalProperties: false }),
    reply: Type.Object(
      {
        orderId: OrderId,
        eventId: EventId,
        userId: Uuid("Who booked."),
        status: OrderStatus,
        tickets: Type.Array(
          Type.Object(
            {
              ticket: TicketView,
              code: Type.String({ description: "Signed ticket code." }),
              qrPngBase64: Type.Union([Type.String(), Type.Null()], { description: "QR PNG, base64 (null when qr is false)." }),
              qrSvg: Type.Union([Type.String(), Type.Null()], { description: "QR SVG document (null when qr is false)." }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  publicKey: request({
    subject: "svc.bookings.tickets.public-key",
    description: "The Ed25519 public key that verifies ticket codes offline.",
    request: NoInput,
    reply: PublicKey,
    idempotent: true,
  }),

  // --- check-in -----------------------------------------------------------------------------
  checkInsScan: request({
    subject: "svc.bookings.check-ins.scan",
    description: "Scans a ticket code at an event's door (its organizers): valid (checked in now), already_checked_in (when, by whom), other_event, cancelled or forged.",
    request: Type.Object({ eventId: EventId, code: Type.String({ minLength: 1, maxLength: 2000, description: "The scanned code." }) }, { additionalProperties: false }),
    reply: ScanOutcome,
    idempotent: false,
  }),
  checkInsUpload: request({
    subject: "svc.bookings.check-ins.upload",
    description: "Uploads scans made offline (its organizers): each is applied at its scannedAt; the earliest scan of a ticket wins, later ones report already_checked_in.",
    request: Type.Object(
      {
        eventId: EventId,
        scans: Type.Array(
          Type.Object({ code: Type.String({ minLength: 1, maxLength: 2000, description: "The scanned code." }), scannedAt: Timestamp("When the device scanned it.") }, { additionalProperties: false }),
          { minItems: 1, maxItems: 1000, description: "Offline scans." },
        ),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ results: Type.Array(ScanOutcome, { description: "One per scan, in order." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  checkInsPackage: request({
    subject: "svc.bookings.check-ins.package",
    description: "What a scanner needs offline (its organizers): the public key, the revoked (cancelled) ticket ids, and the valid tickets with names.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Type.Object(
      {
        eventId: EventId,
        publicKey: PublicKey,
        revoked: Type.Array(TicketId, { description: "Tickets whose codes verify but must be refused." }),
        tickets: Type.Array(Type.Object({ id: TicketId, attendeeName: Name, ticketTypeName: Type.String(), checkedInAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]) }, { additionalProperties: false }), { description: "Valid tickets." }),
        generatedAt: Timestamp("When the package was made."),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  checkInsList: request({
    subject: "svc.bookings.check-ins.list",
    description: "Check-in list by ticket type (its organizers): valid tickets with their check-in, and counts.",
    request: Type.Object(
      { eventId: EventId, ticketTypeId: Type.Optional(TicketTypeId), checkedIn: Type.Optional(Type.Boolean({ description: "Only checked-in (true) or not yet (false)." })), ...PageRequest },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        items: Type.Array(TicketView, { description: "This page." }),
        nextCursor: NextCursor,
        total: Type.Integer({ minimum: 0, description: "Valid tickets matching ticketTypeId." }),
        checkedIn: Type.Integer({ minimum: 0, description: "Of which checked in." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),

  // --- waitlist -----------------------------------------------------------------------------
  waitlistJoin: request({
    subject: "svc.bookings.waitlist.join",
    description: "Joins an event's waitlist with a group size (one entry per user and event; joining again changes nothing). Fairness: first come, first offered; an entry whose group does not fit the seats freed keeps its place and smaller entries behind it may be offered first.",
    request: Type.Object({ eventId: EventId, seats: Type.Integer({ minimum: 1, maximum: 10, description: "Group size." }) }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: false,
  }),
  waitlistMine: request({
    subject: "svc.bookings.waitlist.mine",
    description: "The caller's entry on an event's waitlist; not_found when none.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: true,
  }),
  waitlistLeave: request({
    subject: "svc.bookings.waitlist.leave",
    description: "Leaves an event's waitlist (an open offer is declined).",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: true,
  }),
  waitlistAccept: request({
    subject: "svc.bookings.waitlist.accept",
    description: "Accepts an open offer: its held seats become an order (confirmed when free, reserved for payment otherwise). conflict `offer_expired` once it lapsed.",
    request: Type.Object({ entryId: EntryId }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  waitlistDecline: request({
    subject: "svc.bookings.waitlist.decline",
    description: "Declines an open offer; its seats move on to the next entry.",
    request: Type.Object({ entryId: EntryId }, { additionalProperties: false }),
    reply: WaitlistEntryView,
    idempotent: true,
  }),
  waitlistList: request({
    subject: "svc.bookings.waitlist.list",
    description: "An event's waitlist in queue order (its organizers).",
    request: Type.Object({ eventId: EventId, ...PageRequest }, { additionalProperties: false }),
    reply: Page(WaitlistEntryView),
    idempotent: true,
  }),
} as const;
