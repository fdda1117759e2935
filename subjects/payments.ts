/**
 * Payments: provider payments for booked orders (FreedomPay, or its local sandbox), refunds, a
 * double-entry ledger, saved methods (provider tokens only) and receipts. The saga with bookings
 * runs over events: payments calls svc.bookings.orders.get / begin-payment / settle and consumes
 * evt.booking.cancelled (refundDueMinor > 0 → refund); bookings consumes evt.payment.failed
 * (release the seats) and evt.payment.refunded (order → refunded / partially_refunded).
 * Additive changes only within a version.
 */
import { type Static, Type } from "@sinclair/typebox";
import { event, request } from "./contract.ts";
import { NextCursor, PageRequest, Timestamp, Uuid } from "./common.ts";

/**
 * created → pending (the payer was sent to the provider) → succeeded | failed | cancelled;
 * succeeded → partially_refunded | refunded.
 * WARNING: wire values; renaming one breaks consumers and stored payments.
 */
export const PaymentStatus = Type.Union(
  [
    Type.Literal("created"),
    Type.Literal("pending"),
    Type.Literal("succeeded"),
    Type.Literal("failed"),
    Type.Literal("cancelled"),
    Type.Literal("partially_refunded"),
    Type.Literal("refunded"),
  ],
  { description: "created → pending → succeeded | failed | cancelled; succeeded → partially_refunded | refunded." },
);
export type PaymentStatus = Static<typeof PaymentStatus>;

/** WARNING: wire values. */
export const RefundStatus = Type.Union([Type.Literal("pending"), Type.Literal("succeeded"), Type.Literal("failed")], {
  description: "pending (asked of the provider) → succeeded | failed (the provider refused; nothing was refunded).",
});

const Currency = Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217 currency, e.g. KZT." });
const Minor = (description: string) => Type.Integer({ minimum: 0, description });
const PaymentId = Uuid("The payment.");
const OrderId = Uuid("The booking (order) it pays.");
const EventId = Uuid("The event of the booking.");

export const RefundView = Type.Object(
  {
    id: Uuid("The refund."),
    paymentId: PaymentId,
    amountMinor: Type.Integer({ minimum: 1, description: "Amount refunded, minor units." }),
    status: RefundStatus,
    reason: Type.Union([Type.Literal("requested"), Type.Literal("booking_cancelled"), Type.Literal("hold_expired")], {
      description: "requested (attendee, organizer or admin), booking_cancelled (bookings asked), hold_expired (paid after the seats were gone).",
    }),
    requestedBy: Type.Union([Uuid("Who asked."), Type.Null()], { description: "Who asked, or null when the platform did." }),
    failure: Type.Union([Type.String(), Type.Null()], { description: "Why the provider refused, or null." }),
    createdAt: Timestamp("When it was asked."),
  },
  { additionalProperties: false },
);
export type RefundView = Static<typeof RefundView>;

export const PaymentView = Type.Object(
  {
    id: PaymentId,
    orderId: OrderId,
    eventId: EventId,
    userId: Uuid("Who pays."),
    status: PaymentStatus,
    amountMinor: Type.Integer({ minimum: 1, description: "Amount in minor units (the booking's total)." }),
    currency: Currency,
    refundedMinor: Minor("Refunded so far (succeeded refunds)."),
    provider: Type.String({ description: "freedompay (or sandbox)." }),
    providerPaymentId: Type.Union([Type.String(), Type.Null()], { description: "The provider's payment id (pg_payment_id), once known." }),
    redirectUrl: Type.Union([Type.String(), Type.Null()], { description: "The provider's payment page while pending, else null." }),
    failure: Type.Union([Type.String(), Type.Null()], { description: "Why it failed, or null." }),
    cardPan: Type.Union([Type.String(), Type.Null()], { description: "Masked card number the provider reported, or null." }),
    receiptNumber: Type.Union([Type.String(), Type.Null()], { description: "Receipt number (per organizer, without gaps) once succeeded." }),
    refunds: Type.Array(RefundView, { description: "Refunds, oldest first." }),
    expiresAt: Type.String({ format: "date-time", description: "When the payment page stops accepting (never after the booking's hold)." }),
    createdAt: Timestamp("Created."),
    updatedAt: Timestamp("Last change."),
  },
  { additionalProperties: false },
);
export type PaymentView = Static<typeof PaymentView>;

export const LedgerEntry = Type.Object(
  {
    account: Type.String({ description: "Account, e.g. provider_clearing, organizer:<id>, platform_fees, refunds_payable." }),
    debitMinor: Minor("Debit, minor units."),
    creditMinor: Minor("Credit, minor units."),
  },
  { additionalProperties: false },
);

export const TransactionView = Type.Object(
  {
    id: Uuid("The ledger transaction."),
    kind: Type.Union([Type.Literal("charge"), Type.Literal("refund"), Type.Literal("fee")], {
      description: "What moved: a charge, a refund or a provider fee.",
    }),
    paymentId: PaymentId,
    eventId: EventId,
    organizerId: Uuid("The event's organizer."),
    amountMinor: Type.Integer({ minimum: 1, description: "Amount moved, minor units." }),
    currency: Currency,
    entries: Type.Array(LedgerEntry, { minItems: 2, description: "Balanced entries: debits equal credits." }),
    createdAt: Timestamp("Recorded."),
  },
  { additionalProperties: false },
);

const Page = <T extends import("@sinclair/typebox").TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: NextCursor }, { additionalProperties: false });

export const MethodView = Type.Object(
  {
    id: Type.String({ description: "Method id: a provider method (card, kaspi…) or a saved method's uuid." }),
    name: Type.String({ description: "Shown to the payer." }),
    kind: Type.Union([Type.Literal("card"), Type.Literal("wallet"), Type.Literal("bank")], { description: "card, wallet or bank." }),
    saved: Type.Boolean({ description: "A saved method of the caller (a provider token)." }),
    last4: Type.Union([Type.String({ pattern: "^[0-9]{4}$" }), Type.Null()], { description: "Last four digits of a saved card, or null." }),
  },
  { additionalProperties: false },
);

export const payments = {
  create: request({
    subject: "svc.payments.payments.create",
    description:
      "Starts paying a held booking of the caller: the booking's amount and currency, a provider payment page no longer valid than the hold. One live payment per booking: asking again answers the live one. conflict `order_not_payable` / `order_expired`.",
    request: Type.Object(
      {
        bookingId: OrderId,
        methodId: Type.Optional(Type.String({ maxLength: 64, description: "A provider method or a saved method id." })),
        returnUrl: Type.Optional(Type.String({ format: "uri", maxLength: 255, description: "Where the provider sends the payer back (success or failure)." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({
      paymentId: PaymentId,
      redirectUrl: Type.String({ description: "Send the payer here (the provider's payment page)." }),
      status: PaymentStatus,
    }, { additionalProperties: false }),
    idempotent: false,
  }),
  get: request({
    subject: "svc.payments.payments.get",
    description: "One payment with its refunds: its payer, the event's organizers, or admins (others get not_found).",
    request: Type.Object({ paymentId: PaymentId }, { additionalProperties: false }),
    reply: PaymentView,
    idempotent: true,
  }),
  list: request({
    subject: "svc.payments.payments.list",
    description: "Payments newest first: the caller's own; with eventId, that event's (its organizers, admins); admins may list all.",
    request: Type.Object(
      {
        eventId: Type.Optional(EventId),
        status: Type.Optional(PaymentStatus),
        all: Type.Optional(Type.Boolean({ description: "Admins: every payment." })),
        ...PageRequest,
      },
      { additionalProperties: false },
    ),
    reply: Page(PaymentView),
    idempotent: true,
  }),
  refund: request({
    subject: "svc.payments.payments.refund",
    description:
      "Refunds a succeeded payment, all that is left or `amountMinor` of it: the payer (within the event's refund rules), the event's organizers or admins. Refunds never add up past the amount paid (conflict `refund_exceeds_paid`).",
    request: Type.Object({
      paymentId: PaymentId,
      amountMinor: Type.Optional(Type.Integer({ minimum: 1, description: "Amount to refund; all that is left when absent." })),
    }, { additionalProperties: false }),
    reply: RefundView,
    idempotent: false,
  }),
  transactions: request({
    subject: "svc.payments.transactions.list",
    description: "Ledger transactions newest first with balances: an organizer's (their events) or, for admins, all; eventId narrows to one event.",
    request: Type.Object({ eventId: Type.Optional(EventId), ...PageRequest }, { additionalProperties: false }),
    reply: Type.Object(
      {
        items: Type.Array(TransactionView),
        nextCursor: NextCursor,
        balances: Type.Array(
          Type.Object({
            account: Type.String(),
            currency: Currency,
            balanceMinor: Type.Integer({ description: "Credits minus debits over every entry in scope." }),
          }, { additionalProperties: false }),
          { description: "Balances of the accounts in scope, sums of the ledger." },
        ),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  methods: request({
    subject: "svc.payments.methods.list",
    description: "The methods the provider offers and the caller's saved ones.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ items: Type.Array(MethodView) }, { additionalProperties: false }),
    idempotent: true,
  }),
  saveMethod: request({
    subject: "svc.payments.methods.save",
    description: "Saves a method for the caller as the provider's token (never card data).",
    request: Type.Object(
      {
        token: Type.String({ minLength: 8, maxLength: 255, pattern: "^[A-Za-z0-9_:.-]+$", description: "The provider's card token (pg_card_token)." }),
        name: Type.String({ minLength: 1, maxLength: 100, description: "Label, e.g. Visa •••• 6150." }),
        last4: Type.Optional(Type.String({ pattern: "^[0-9]{4}$", description: "Last four digits, for display." })),
      },
      { additionalProperties: false },
    ),
    reply: MethodView,
    idempotent: false,
  }),
  receipt: request({
    subject: "svc.payments.receipts.get",
    description: "The receipt of a succeeded payment as a PDF (base64): its payer, the event's organizers, admins.",
    request: Type.Object({ paymentId: PaymentId }, { additionalProperties: false }),
    reply: Type.Object({
      number: Type.String({ description: "Receipt number, e.g. R-<organizer>-000042." }),
      filename: Type.String(),
      pdfBase64: Type.String({ description: "The PDF, base64." }),
    }, { additionalProperties: false }),
    idempotent: true,
  }),
  callback: request({
    subject: "svc.payments.callbacks.result",
    description:
      "The provider's result callback as received (the public route's raw form body and the script name of our URL). Its signature is its only authentication; answers the signed XML for the provider. Idempotent: a repeat gets the same answer.",
    request: Type.Object(
      {
        script: Type.String({ maxLength: 64, description: "Last path segment of the URL the provider called (signed over)." }),
        body: Type.String({ maxLength: 65_536, description: "The raw application/x-www-form-urlencoded body." }),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ xml: Type.String({ description: "The signed XML answer (pg_status ok / rejected / error)." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
} as const;

const PaymentFacts = {
  paymentId: PaymentId,
  orderId: OrderId,
  eventId: EventId,
  userId: Uuid("Who pays."),
  amountMinor: Type.Integer({ minimum: 1, description: "Amount, minor units." }),
  currency: Currency,
  refundedMinor: Minor("Refunded so far."),
  status: PaymentStatus,
  occurredAt: Timestamp("When it happened."),
};
const facts = <P extends Record<string, import("@sinclair/typebox").TSchema>>(extra: P) =>
  Type.Object({ ...PaymentFacts, ...extra }, { additionalProperties: false });

export const paymentEvents = {
  created: event({ subject: "evt.payment.created", description: "A payment was started for a booking; the payer is on the provider's page.", data: facts({}) }),
  succeeded: event({
    subject: "evt.payment.succeeded",
    description: "The provider's result callback (or reconciliation) proved the payment and the booking was confirmed. Notifications sends the receipt.",
    data: facts({ receiptNumber: Type.String({ description: "Receipt number." }) }),
  }),
  failed: event({
    subject: "evt.payment.failed",
    description:
      "A payment failed (declined, bank timeout, page expired) or was rejected because its booking's hold was gone. Bookings releases the seats of a still-held order.",
    data: facts({ reason: Type.String({ description: "Why, as the provider or we said it." }) }),
  }),
  refunded: event({
    subject: "evt.payment.refunded",
    description: "A refund succeeded; refundedMinor is the total so far. Bookings moves the order to refunded or partially_refunded.",
    data: facts({ refundId: Uuid("The refund."), refundAmountMinor: Type.Integer({ minimum: 1, description: "This refund's amount." }) }),
  }),
} as const;
