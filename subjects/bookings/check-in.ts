/** Check-in at the door: scans, offline uploads and packages, and who came. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { NextCursor, PageRequest, Timestamp } from "../common.ts";
import { EventId, Name, PublicKey, ScanOutcome, TicketId, TicketTypeId, TicketView } from "./schemas.ts";

export const checkIn = {
  checkInsScan: request({
    subject: "svc.bookings.check-ins.scan",
    description:
      "Scans a ticket code at an event's door (its organizers): valid (checked in now), already_checked_in (when, by whom), other_event, cancelled or forged.",
    request: Type.Object({ eventId: EventId, code: Type.String({ minLength: 1, maxLength: 2000, description: "The scanned code." }) }, {
      additionalProperties: false,
    }),
    reply: ScanOutcome,
    idempotent: false,
  }),
  checkInsUpload: request({
    subject: "svc.bookings.check-ins.upload",
    description:
      "Uploads scans made offline (its organizers): each is applied at its scannedAt; the earliest scan of a ticket wins, later ones report already_checked_in.",
    request: Type.Object(
      {
        eventId: EventId,
        scans: Type.Array(
          Type.Object({
            code: Type.String({ minLength: 1, maxLength: 2000, description: "The scanned code." }),
            scannedAt: Timestamp("When the device scanned it."),
          }, { additionalProperties: false }),
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
        tickets: Type.Array(
          Type.Object({
            id: TicketId,
            attendeeName: Name,
            ticketTypeName: Type.String(),
            checkedInAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
          }, { additionalProperties: false }),
          { description: "Valid tickets." },
        ),
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
      {
        eventId: EventId,
        ticketTypeId: Type.Optional(TicketTypeId),
        checkedIn: Type.Optional(Type.Boolean({ description: "Only checked-in (true) or not yet (false)." })),
        ...PageRequest,
      },
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
} as const;
