/** The schemas bookings' contracts share. */
import { type Static, Type } from "@sinclair/typebox";
import { Email, NextCursor, Timestamp, Uuid } from "../common.ts";

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
export const Minor = (description: string) => Type.Integer({ minimum: 0, description });

export const EventId = Uuid("The event (events service id).");
export const OrderId = Uuid("The order (booking).");
export const TicketId = Uuid("The ticket (one seat).");
export const TicketTypeId = Uuid("The ticket type.");
export const QuotaId = Uuid("The quota.");
export const EntryId = Uuid("The waitlist entry.");

/** Why an order was cancelled. WARNING: wire values. */
export const CancelReason = Type.Union(
  [Type.Literal("attendee"), Type.Literal("organizer"), Type.Literal("event_cancelled"), Type.Literal("payment_failed")],
  { description: "Who or what cancelled it: the attendee, the event's organizer, the event's cancellation, or a failed payment." },
);

export const Name = Type.String({ minLength: 1, maxLength: 200, description: "Attendee's name as printed on the ticket." });

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
    status: Type.Union([Type.Literal("valid"), Type.Literal("cancelled")], {
      description: "valid while the order is confirmed (or held); cancelled otherwise.",
    }),
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
    visibility: Type.Union([Type.Literal("public"), Type.Literal("hidden")], {
      description: "public: offered on the event page; hidden: bookable by id only.",
    }),
    quotaIds: Type.Array(QuotaId, { description: "Quotas the seats draw from (all must have room)." }),
    remaining: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: "Seats still bookable (min over its quotas and its quantity), or null = unlimited.",
    }),
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
        {
          id: TicketTypeId,
          name: Type.String(),
          priceMinor: Minor("Price in minor units."),
          currency: Currency,
          remaining: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "Seats left of it, or null = unlimited." }),
          onSale: Type.Boolean({ description: "Inside its sales window." }),
        },
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
    status: Type.Union([
      Type.Literal("waiting"),
      Type.Literal("offered"),
      Type.Literal("accepted"),
      Type.Literal("declined"),
      Type.Literal("expired"),
      Type.Literal("left"),
    ], {
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
  {
    description:
      "valid: admitted now; already_checked_in: first scan's time and staff in checkedInAt/checkedInBy; other_event: a genuine code of another event; cancelled: the order is no longer valid; forged: the signature does not verify.",
  },
);

export const ScanOutcome = Type.Object(
  {
    result: ScanResult,
    ticket: Type.Union([TicketView, Type.Null()], { description: "The ticket (null when forged or of another event)." }),
    checkedInAt: Type.Union([Timestamp("First check-in."), Type.Null()], {
      description: "The first scan's time (valid: now; already_checked_in: the earlier one).",
    }),
    checkedInBy: Type.Union([Uuid("Staff member of the first scan."), Type.Null()], { description: "Who scanned it first." }),
  },
  { additionalProperties: false },
);

export const PublicKey = Type.Object(
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

export const Page = <T extends import("@sinclair/typebox").TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item, { description: "This page." }), nextCursor: NextCursor }, { additionalProperties: false });

export const Items = Type.Array(
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

export const TicketTypeInput = {
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

export const Qr = Type.Object(
  {
    contentType: Type.Union([Type.Literal("image/png"), Type.Literal("image/svg+xml")], { description: "Media type." }),
    dataBase64: Type.String({ description: "The image, base64." }),
  },
  { additionalProperties: false },
);

export const NoInput = Type.Object({}, { additionalProperties: false });
