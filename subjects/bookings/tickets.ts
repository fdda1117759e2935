/** Tickets: one seat each, with its signed code and QR, and the key that verifies codes offline. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { Uuid } from "../common.ts";
import { EventId, NoInput, OrderId, OrderStatus, PublicKey, Qr, TicketId, TicketView } from "./schemas.ts";

export const tickets = {
  ticketsGet: request({
    subject: "svc.bookings.tickets.get",
    description: "A ticket with its signed code (its booker, the event's organizers).",
    request: Type.Object({ ticketId: TicketId }, { additionalProperties: false }),
    reply: Type.Object({ ticket: TicketView, code: Type.String({ description: "Signed ticket code (compact JWS, EdDSA); the QR carries it." }) }, {
      additionalProperties: false,
    }),
    idempotent: true,
  }),
  ticketsQr: request({
    subject: "svc.bookings.tickets.qr",
    description: "The QR image of a ticket's code, PNG or SVG.",
    request: Type.Object({ ticketId: TicketId, format: Type.Union([Type.Literal("png"), Type.Literal("svg")], { description: "Image format." }) }, {
      additionalProperties: false,
    }),
    reply: Qr,
    idempotent: true,
  }),
  ticketsForOrder: request({
    subject: "svc.bookings.tickets.for-order",
    description: "Tickets of an order with their codes and QR images, for notifications rendering a confirmation (service call, or the order's booker).",
    request: Type.Object({ orderId: OrderId, qr: Type.Optional(Type.Boolean({ default: true, description: "Include QR images (PNG and SVG)." })) }, {
      additionalProperties: false,
    }),
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
} as const;
