/** Messages: an event organizer's to its attendees, a service's to users (send), and event reminders' offsets. */
import { Type } from "@sinclair/typebox";
import { request } from "../contract.ts";
import { NextCursor, PageRequest, Uuid } from "../common.ts";
import { Channel, MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX, MessageAudience, OrganizerMessage, ReminderOffsets, SendKind } from "./schemas.ts";

export const messages = {
  messagesSend: request({
    subject: "svc.notifications.messages.send",
    description:
      "An organizer of the event (its author, an admin of its organization, a platform admin — as bookings decides) writes to its attendees: all, one ticket type's holders, or the checked-in. Each is told once per channel by their preferences (inbox, email, push). Limited per event: subject and body lengths, and NOTIFY_MESSAGES_PER_HOUR messages in any hour (429 message_rate_limited, details.retryAfterSeconds). With an idempotencyKey, a retry sends nothing twice and answers the same message.",
    request: Type.Object(
      {
        eventId: Uuid("The event."),
        audience: MessageAudience,
        subject: Type.String({
          minLength: 1,
          maxLength: MESSAGE_SUBJECT_MAX,
          "x-trim": true,
          pattern: "^[^\\x00-\\x1f\\x7f]*$",
          description: `Subject, one line (1-${MESSAGE_SUBJECT_MAX} characters): the email subject, the push title and the inbox item's title.`,
        }),
        body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX, "x-trim": true, description: `The text, plain (1-${MESSAGE_BODY_MAX} characters).` }),
        idempotencyKey: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 200,
            pattern: "^[\\x21-\\x7e]+$",
            description: "The sender's key for this message: a retry with the same key sends nothing twice (the web form sends one per form).",
          }),
        ),
      },
      { additionalProperties: false },
    ),
    reply: OrganizerMessage,
    idempotent: false,
  }),
  messagesList: request({
    subject: "svc.notifications.messages.list",
    description: "Messages the event's organizers sent to its attendees, newest first (its organizers, as for sending).",
    request: Type.Object({ eventId: Uuid("The event."), ...PageRequest }, { additionalProperties: false }),
    reply: Type.Object({ items: Type.Array(OrganizerMessage), nextCursor: NextCursor }, { additionalProperties: false }),
    idempotent: true,
  }),
  remindersSet: request({
    subject: "svc.notifications.reminders.set",
    description:
      "The event's organizer (or an admin) sets when its attendees are reminded; null goes back to the platform default (NOTIFY_REMINDER_OFFSETS). Reminders already planned are re-planned at once. 404 for an event notifications does not know.",
    request: Type.Object(
      {
        eventId: Uuid("The event."),
        offsets: Type.Union([ReminderOffsets, Type.Null()], { description: "The event's own offsets, or null for the default." }),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        eventId: Uuid("The event."),
        offsets: ReminderOffsets,
        custom: Type.Boolean({ description: "Whether these are the event's own offsets (false: the default)." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  noticesSend: request({
    subject: "svc.notifications.notices.send",
    description:
      "Admins (and services, calling without a principal): sends one notification to one user or a list, on the channels given (default: every channel each user allows for the kind). Idempotent by idempotencyKey: the same key creates nothing twice and answers the same notification id. Users notifications does not know (or deactivated) are listed in skipped.",
    request: Type.Object(
      {
        userIds: Type.Array(Uuid("A recipient."), { minItems: 1, maxItems: 1000, uniqueItems: true, description: "Recipients (one or up to 1000)." }),
        kind: Type.Optional(SendKind),
        channels: Type.Optional(Type.Array(Channel, { minItems: 1, uniqueItems: true, description: "Only these channels (each still as the user allows)." })),
        title: Type.String({ minLength: 1, maxLength: 200, description: "Title: the email subject, the push title and the inbox item's title." }),
        message: Type.String({ minLength: 1, maxLength: 5_000, description: "The text (plain text)." }),
        link: Type.Optional(Type.String({ pattern: "^/[^/]", maxLength: 2_000, description: "Deep link (a path in the app, e.g. /events/<id>); default /." })),
        idempotencyKey: Type.String({
          minLength: 1,
          maxLength: 200,
          pattern: "^[\\x21-\\x7e]+$",
          description: "The caller's key for this notification: a retry with the same key sends nothing twice.",
        }),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        notificationId: Uuid("The notification (its inbox items' sourceId); the same for a retry with the same key."),
        recipients: Type.Integer({ minimum: 0, description: "Users it was written for." }),
        skipped: Type.Array(Uuid("A user not told."), { description: "Users notifications does not know, or deactivated." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
} as const;
