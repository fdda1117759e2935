/** Orders: holding seats, paying, settling and cancelling, and the caller's own. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { PageRequest, Uuid } from "../common.ts";
import { Attendee, EventId, Items, OrderId, OrderStatus, OrderView, Page } from "./schemas.ts";

export const orders = {
  ordersCreate: request({
    subject: "svc.bookings.orders.create",
    description:
      "Books seats for the caller: items per ticket type, or a plain `seats` of the default type. A free order is confirmed at once; a paid one is held (reserved) for the event's holdMinutes. conflict `sold_out` when the seats are not there (details.waitlistOpen says whether joining the waitlist is possible).",
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
    description:
      "Cancels an order: its booker (until the event's cancellation deadline; a paid order gets refundPercent back) or the event's organizers (full refund). Seats return to the quota exactly once; cancelling again answers the cancelled order.",
    request: Type.Object({ orderId: OrderId }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  ordersBeginPayment: request({
    subject: "svc.bookings.orders.begin-payment",
    description:
      "Payments started paying a held order: reserved → awaiting_payment (idempotent for the same paymentId). conflict `order_expired` when its hold is over, `order_not_payable` in any other state.",
    request: Type.Object({ orderId: OrderId, paymentId: Uuid("The payment.") }, { additionalProperties: false }),
    reply: OrderView,
    idempotent: true,
  }),
  ordersSettle: request({
    subject: "svc.bookings.orders.settle",
    description:
      "Payments received the money: confirms a held order (idempotent) and answers confirmed; answers gone when its hold expired and the seats were released (or it was cancelled), so payments rejects or refunds.",
    request: Type.Object({ orderId: OrderId, paymentId: Uuid("The payment that succeeded.") }, { additionalProperties: false }),
    reply: Type.Object(
      {
        outcome: Type.Union([Type.Literal("confirmed"), Type.Literal("gone")], {
          description: "confirmed: the order is (now) confirmed; gone: it can no longer be confirmed.",
        }),
        order: OrderView,
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  ordersSettleMany: request({
    subject: "svc.bookings.orders.settle-many",
    description:
      "Payments received the money for many orders at once (its callbacks are batched): confirms each held order (idempotent per order and payment) and answers one outcome per order, in request order — confirmed, or gone when its hold expired and the seats were released, it was cancelled, or it is not known — so payments rejects or refunds those. No order views: payments needs only the outcomes.",
    request: Type.Object(
      {
        items: Type.Array(
          Type.Object({ orderId: OrderId, paymentId: Uuid("The payment that succeeded.") }, { additionalProperties: false }),
          { minItems: 1, maxItems: 500, description: "One per paid order; an order appears at most once." },
        ),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        results: Type.Array(
          Type.Object(
            {
              orderId: OrderId,
              outcome: Type.Union([Type.Literal("confirmed"), Type.Literal("gone")], {
                description: "confirmed: the order is (now) confirmed by this payment; gone: it can no longer be confirmed.",
              }),
            },
            { additionalProperties: false },
          ),
          { description: "One per requested item, in request order." },
        ),
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
} as const;
