/** The schemas notifications' contracts share. */
import { type Static, type TOptional, Type } from "@sinclair/typebox";
import { FollowTarget, Locale, TimeZone, Uuid } from "../common.ts";

/**
 * What a notification is about. Follower kinds obey preferences and quiet hours; transactional
 * kinds (verify_email, welcome, password_reset, org_invitation, email_change[_notice]) are email
 * only and ignore both;
 * a digest gathers a day's follower emails of a user who asked for one. Attendee kinds (a
 * booking's confirmation with its tickets, payment and booking notices, waitlist offers,
 * reminders, messages sent through the send API, messages of an event's organizers to its
 * attendees) go to inbox, email and push by the user's
 * switches (all on by default); only reminders wait for quiet hours.
 * WARNING: wire values; renaming one strands jobs in flight and stored preferences.
 */
export const NotificationKind = Type.Union(
  [
    Type.Literal("event_published"),
    Type.Literal("event_updated"),
    Type.Literal("event_cancelled"),
    Type.Literal("verify_email"),
    Type.Literal("welcome"),
    Type.Literal("password_reset"),
    Type.Literal("org_invitation"),
    Type.Literal("email_change"),
    Type.Literal("email_change_notice"),
    Type.Literal("digest"),
    Type.Literal("booking_confirmed"),
    Type.Literal("booking_expired"),
    Type.Literal("booking_cancelled"),
    Type.Literal("payment_succeeded"),
    Type.Literal("payment_failed"),
    Type.Literal("payment_refunded"),
    Type.Literal("waitlist_offered"),
    Type.Literal("event_reminder"),
    Type.Literal("announcement"),
    Type.Literal("organizer_message"),
  ],
  { description: "What the notification is about." },
);
export type NotificationKind = Static<typeof NotificationKind>;

/** Kinds a user can switch per channel (the others are transactional). */
export const FollowerKind = Type.Union([Type.Literal("event_published"), Type.Literal("event_updated"), Type.Literal("event_cancelled")], {
  description: "A kind of follower notification.",
});
export type FollowerKind = Static<typeof FollowerKind>;

/** Kinds about a user's own bookings, payments and events they attend; switchable per channel. */
export const AttendeeKind = Type.Union(
  [
    Type.Literal("booking_confirmed"),
    Type.Literal("booking_expired"),
    Type.Literal("booking_cancelled"),
    Type.Literal("payment_succeeded"),
    Type.Literal("payment_failed"),
    Type.Literal("payment_refunded"),
    Type.Literal("waitlist_offered"),
    Type.Literal("event_reminder"),
    Type.Literal("announcement"),
    Type.Literal("organizer_message"),
  ],
  { description: "A kind of attendee notification." },
);
export type AttendeeKind = Static<typeof AttendeeKind>;

/** The switchable kinds as lists, in the unions' order (settings pages, "unsubscribe from all follower emails"). */
export const FOLLOWER_KINDS: readonly FollowerKind[] = FollowerKind.anyOf.map((k) => k.const);
export const ATTENDEE_KINDS: readonly AttendeeKind[] = AttendeeKind.anyOf.map((k) => k.const);

export const Channel = Type.Union([Type.Literal("in_app"), Type.Literal("email"), Type.Literal("push")], { description: "Delivery channel." });
export type Channel = Static<typeof Channel>;

export const ChannelSwitches = Type.Object(
  {
    in_app: Type.Boolean({ description: "Show it in the in-app inbox." }),
    email: Type.Boolean({ description: "Send an email." }),
    push: Type.Boolean({ description: "Send a push notification to the user's devices." }),
    sms: Type.Optional(
      Type.Boolean({
        description:
          "Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*).",
      }),
    ),
  },
  { additionalProperties: false },
);

export const Clock = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "Local wall-clock time HH:MM." });

export const Preferences = Type.Object(
  {
    kinds: Type.Object(
      // Every follower kind, and each attendee kind optionally, in the unions' order.
      Object.fromEntries([
        ...FOLLOWER_KINDS.map((k) => [k, ChannelSwitches]),
        ...ATTENDEE_KINDS.map((k) => [k, Type.Optional(ChannelSwitches)]),
      ]) as { [K in FollowerKind]: typeof ChannelSwitches } & { [K in AttendeeKind]: TOptional<typeof ChannelSwitches> },
      {
        additionalProperties: false,
        description:
          "Channel switches per kind of notification (an attendee kind left out is on for every channel; event_updated and event_cancelled also apply to events the user attends).",
      },
    ),
    quietHours: Type.Union(
      [
        Type.Object(
          { start: Clock, end: Clock },
          {
            additionalProperties: false,
            description: "From start to end (may span midnight) in the user's time zone, email and push wait; in-app is immediate.",
          },
        ),
        Type.Null(),
      ],
      { description: "Quiet hours, or null for none." },
    ),
    digest: Type.Boolean({
      description:
        "Send follower emails as one daily digest (at NOTIFY_DIGEST_LOCAL_TIME in the user's time zone) instead of one email each; in-app and push stay immediate.",
    }),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof Preferences>;

export const InboxItem = Type.Object(
  {
    id: Type.String({ description: "Inbox item id (opaque, increasing)." }),
    sourceId: Uuid("Id of the domain event that caused it."),
    kind: NotificationKind,
    title: Type.String({ description: "Title, in the user's locale." }),
    body: Type.String({ description: "Body text, in the user's locale." }),
    link: Type.String({ description: "Deep link (path in the app), e.g. /events/<id>." }),
    createdAt: Type.String({ format: "date-time", description: "When it arrived." }),
    readAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], { description: "When it was read, or null." }),
    archivedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], { description: "When it was archived, or null." }),
  },
  { additionalProperties: false },
);
export type InboxItem = Static<typeof InboxItem>;

/**
 * Published on core NATS (not JetStream) as JSON on `live.inbox.<userId>` for each new inbox item,
 * for the edge's SSE stream. Best effort: a client that reconnects lists the inbox to catch up.
 */
export const LiveInboxItem = Type.Omit(InboxItem, ["readAt", "archivedAt"], {
  $id: "https://convene.dev/schemas/live.inbox/v1.json",
  additionalProperties: false,
});
export type LiveInboxItem = Static<typeof LiveInboxItem>;

/** WARNING: wire constant; the edge subscribes to it. */
export const LIVE_INBOX_PREFIX = "live.inbox";
export const liveInboxSubject = (userId: string) => `${LIVE_INBOX_PREFIX}.${userId}`;

export const Ok = Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false });
export const ItemRef = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,19}$", description: "Inbox item id." }) }, { additionalProperties: false });

export const FollowersAudience = Type.Object(
  {
    type: Type.Literal("followers"),
    targets: Type.Array(FollowTarget, { minItems: 1, maxItems: 4, description: "Whose followers (de-duplicated across targets)." }),
    excludeUserId: Type.Union([Uuid("Never notify this user (the author)."), Type.Null()]),
    after: Type.Union([Uuid("Exclusive lower bound of follower ids in this batch."), Type.Null()], {
      description: "Exclusive lower bound, or null from the start.",
    }),
    upTo: Uuid("Inclusive upper bound of follower ids in this batch."),
  },
  { additionalProperties: false, description: "A slice of the followers of the targets, by follower id." },
);

export const AttendeesAudience = Type.Object(
  {
    type: Type.Literal("attendees"),
    eventId: Uuid("The event whose attendees (bookers of attending orders) are told."),
    after: Type.Union([Uuid("Exclusive lower bound of attendee ids in this batch."), Type.Null()], {
      description: "Exclusive lower bound, or null from the start.",
    }),
    upTo: Uuid("Inclusive upper bound of attendee ids in this batch."),
  },
  {
    additionalProperties: false,
    description:
      "A slice of an event's attendees, by user id (a change of the event; they are left out of the followers' batches, so a person who is both is told once).",
  },
);

export const RecipientsAudience = Type.Object(
  {
    type: Type.Literal("recipients"),
    after: Type.Union([Uuid("Exclusive lower bound of recipient ids in this batch."), Type.Null()], {
      description: "Exclusive lower bound, or null from the start.",
    }),
    upTo: Uuid("Inclusive upper bound of recipient ids in this batch."),
  },
  {
    additionalProperties: false,
    description:
      "A slice of the recipients stored with the notification when it was sent (an organizer's message: its audience as bookings named it then), by user id.",
  },
);

export const UserAudience = Type.Object(
  {
    type: Type.Literal("user"),
    userId: Uuid("The one recipient."),
    email: Type.String({ format: "email", description: "Where to send (as of the source event)." }),
    displayName: Type.String({ description: "How to greet them." }),
    locale: Locale,
    timeZone: TimeZone,
  },
  { additionalProperties: false, description: "One user (transactional messages)." },
);

/** Kinds the send API may create (the others are written by the service from domain facts). */
export const SendKind = Type.Union([Type.Literal("announcement")], {
  description: "Kind of the notification: announcement (a free message of an admin or a service).",
});

export const ReminderOffsets = Type.Array(
  Type.String({ pattern: "^[1-9][0-9]{0,5}[smhd]$", description: "A duration before the start: a number and s, m, h or d, e.g. 24h, 90m." }),
  {
    maxItems: 5,
    uniqueItems: true,
    description: "When attendees are reminded, before the start (an empty list: no reminders).",
  },
);

/**
 * Who an organizer's message goes to: every attendee of the event (bookers of its confirmed
 * orders), those holding a ticket of one type, or those with a checked-in ticket — as bookings
 * names them when the message is sent.
 */
export const MessageAudience = Type.Union(
  [
    Type.Object({ type: Type.Literal("all") }, { additionalProperties: false, description: "Every attendee." }),
    Type.Object({ type: Type.Literal("ticket_type"), ticketTypeId: Uuid("The ticket type whose holders are told.") }, {
      additionalProperties: false,
      description: "Attendees holding a ticket of one type.",
    }),
    Type.Object({ type: Type.Literal("checked_in") }, { additionalProperties: false, description: "Attendees with a checked-in ticket." }),
  ],
  { description: "Who the message goes to." },
);
export type MessageAudience = Static<typeof MessageAudience>;

/** Longest subject and body of an organizer's message (characters). */
export const MESSAGE_SUBJECT_MAX = 150;
export const MESSAGE_BODY_MAX = 5_000;

export const OrganizerMessage = Type.Object(
  {
    id: Uuid("The message (its inbox items' sourceId)."),
    eventId: Uuid("The event."),
    senderId: Uuid("The organizer who sent it."),
    audience: MessageAudience,
    subject: Type.String({ description: "Subject: the email subject, the push title and the inbox item's title." }),
    body: Type.String({ description: "The text (plain text)." }),
    recipients: Type.Integer({ minimum: 0, description: "Attendees it was written for." }),
    sentAt: Type.String({ format: "date-time", description: "When it was sent." }),
  },
  { additionalProperties: false },
);
export type OrganizerMessage = Static<typeof OrganizerMessage>;
