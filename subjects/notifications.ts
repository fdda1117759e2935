/**
 * Notifications: the in-app inbox, device tokens, preferences, the delivery job of the fan-out
 * and the live inbox message the edge streams over SSE. The service is fed by identity and
 * events domain events (subjects/identity.ts, subjects/events.ts); it publishes no domain event.
 */
import { Type, type Static } from "@sinclair/typebox";
import { job, request } from "./contract.ts";
import { FollowTarget, Locale, NextCursor, PageRequest, TimeZone, Uuid } from "./common.ts";

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

export const Channel = Type.Union([Type.Literal("in_app"), Type.Literal("email"), Type.Literal("push")], { description: "Delivery channel." });
export type Channel = Static<typeof Channel>;

const ChannelSwitches = Type.Object(
  {
    in_app: Type.Boolean({ description: "Show it in the in-app inbox." }),
    email: Type.Boolean({ description: "Send an email." }),
    push: Type.Boolean({ description: "Send a push notification to the user's devices." }),
    sms: Type.Optional(
      Type.Boolean({ description: "Send an SMS to the user's verified number (off when absent; only event_reminder, event_updated and event_cancelled, and only once a number is verified: svc.notifications.phone.*)." }),
    ),
  },
  { additionalProperties: false },
);

const Clock = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "Local wall-clock time HH:MM." });

export const Preferences = Type.Object(
  {
    kinds: Type.Object(
      {
        event_published: ChannelSwitches,
        event_updated: ChannelSwitches,
        event_cancelled: ChannelSwitches,
        booking_confirmed: Type.Optional(ChannelSwitches),
        booking_expired: Type.Optional(ChannelSwitches),
        booking_cancelled: Type.Optional(ChannelSwitches),
        payment_succeeded: Type.Optional(ChannelSwitches),
        payment_failed: Type.Optional(ChannelSwitches),
        payment_refunded: Type.Optional(ChannelSwitches),
        waitlist_offered: Type.Optional(ChannelSwitches),
        event_reminder: Type.Optional(ChannelSwitches),
        announcement: Type.Optional(ChannelSwitches),
        organizer_message: Type.Optional(ChannelSwitches),
      },
      { additionalProperties: false, description: "Channel switches per kind of notification (an attendee kind left out is on for every channel; event_updated and event_cancelled also apply to events the user attends)." },
    ),
    quietHours: Type.Union(
      [
        Type.Object(
          { start: Clock, end: Clock },
          { additionalProperties: false, description: "From start to end (may span midnight) in the user's time zone, email and push wait; in-app is immediate." },
        ),
        Type.Null(),
      ],
      { description: "Quiet hours, or null for none." },
    ),
    digest: Type.Boolean({ description: "Send follower emails as one daily digest (at NOTIFY_DIGEST_LOCAL_TIME in the user's time zone) instead of one email each; in-app and push stay immediate." }),
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
export const LiveInboxItem = Type.Object(
  {
    id: Type.String({ description: "Inbox item id." }),
    sourceId: Uuid("Id of the domain event that caused it."),
    kind: NotificationKind,
    title: Type.String({ description: "Title, in the user's locale." }),
    body: Type.String({ description: "Body text, in the user's locale." }),
    link: Type.String({ description: "Deep link (path in the app)." }),
    createdAt: Type.String({ format: "date-time", description: "When it arrived." }),
  },
  { $id: "https://convene.dev/schemas/live.inbox/v1.json", additionalProperties: false },
);
export type LiveInboxItem = Static<typeof LiveInboxItem>;

/** WARNING: wire constant; the edge subscribes to it. */
export const LIVE_INBOX_PREFIX = "live.inbox";
export const liveInboxSubject = (userId: string) => `${LIVE_INBOX_PREFIX}.${userId}`;

const Ok = Type.Object({ ok: Type.Literal(true) }, { additionalProperties: false });
const ItemRef = Type.Object({ id: Type.String({ pattern: "^[0-9]{1,19}$", description: "Inbox item id." }) }, { additionalProperties: false });

const FollowersAudience = Type.Object(
  {
    type: Type.Literal("followers"),
    targets: Type.Array(FollowTarget, { minItems: 1, maxItems: 4, description: "Whose followers (de-duplicated across targets)." }),
    excludeUserId: Type.Union([Uuid("Never notify this user (the author)."), Type.Null()]),
    after: Type.Union([Uuid("Exclusive lower bound of follower ids in this batch."), Type.Null()], { description: "Exclusive lower bound, or null from the start." }),
    upTo: Uuid("Inclusive upper bound of follower ids in this batch."),
  },
  { additionalProperties: false, description: "A slice of the followers of the targets, by follower id." },
);

const AttendeesAudience = Type.Object(
  {
    type: Type.Literal("attendees"),
    eventId: Uuid("The event whose attendees (bookers of attending orders) are told."),
    after: Type.Union([Uuid("Exclusive lower bound of attendee ids in this batch."), Type.Null()], { description: "Exclusive lower bound, or null from the start." }),
    upTo: Uuid("Inclusive upper bound of attendee ids in this batch."),
  },
  { additionalProperties: false, description: "A slice of an event's attendees, by user id (a change of the event; they are left out of the followers' batches, so a person who is both is told once)." },
);

const RecipientsAudience = Type.Object(
  {
    type: Type.Literal("recipients"),
    after: Type.Union([Uuid("Exclusive lower bound of recipient ids in this batch."), Type.Null()], { description: "Exclusive lower bound, or null from the start." }),
    upTo: Uuid("Inclusive upper bound of recipient ids in this batch."),
  },
  { additionalProperties: false, description: "A slice of the recipients stored with the notification when it was sent (an organizer's message: its audience as bookings named it then), by user id." },
);

const UserAudience = Type.Object(
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

export const notificationJobs = {
  deliver: job({
    subject: "work.notifications.deliver",
    description:
      "One batch of a fan-out: write the inbox rows and the email/push deliveries of its recipients once, then send. The envelope id is derived from (source event id, batch number), so a replanned batch is dropped by msgID.",
    data: Type.Object(
      {
        sourceId: Uuid("The domain event being fanned out; with the recipient and channel, the unique key of a notification."),
        batchNo: Type.Integer({ minimum: 0, description: "Batch number within the fan-out." }),
        batches: Type.Integer({ minimum: 1, description: "How many batches the fan-out has." }),
        kind: NotificationKind,
        audience: Type.Union([FollowersAudience, AttendeesAudience, RecipientsAudience, UserAudience], { description: "Who receives this batch." }),
        params: Type.Record(Type.String(), Type.String(), { description: "Template variables (title, startsAt, token, ...)." }),
        link: Type.String({ description: "Deep link (path in the app)." }),
      },
      { additionalProperties: false },
    ),
  }),
} as const;

/** Kinds the send API may create (the others are written by the service from domain facts). */
export const SendKind = Type.Union([Type.Literal("announcement")], { description: "Kind of the notification: announcement (a free message of an admin or a service)." });

const ReminderOffsets = Type.Array(Type.String({ pattern: "^[1-9][0-9]{0,5}[smhd]$", description: "A duration before the start: a number and s, m, h or d, e.g. 24h, 90m." }), {
  maxItems: 5,
  uniqueItems: true,
  description: "When attendees are reminded, before the start (an empty list: no reminders).",
});

/**
 * Who an organizer's message goes to: every attendee of the event (bookers of its confirmed
 * orders), those holding a ticket of one type, or those with a checked-in ticket — as bookings
 * names them when the message is sent.
 */
export const MessageAudience = Type.Union(
  [
    Type.Object({ type: Type.Literal("all") }, { additionalProperties: false, description: "Every attendee." }),
    Type.Object({ type: Type.Literal("ticket_type"), ticketTypeId: Uuid("The ticket type whose holders are told.") }, { additionalProperties: false, description: "Attendees holding a ticket of one type." }),
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

export const notifications = {
  messagesSend: request({
    subject: "svc.notifications.messages.send",
    description:
      "An organizer of the event (its author, an admin of its organization, a platform admin — as bookings decides) writes to its attendees: all, one ticket type's holders, or the checked-in. Each is told once per channel by their preferences (inbox, email, push). Limited per event: subject and body lengths, and NOTIFY_MESSAGES_PER_HOUR messages in any hour (429 message_rate_limited, details.retryAfterSeconds). With an idempotencyKey, a retry sends nothing twice and answers the same message.",
    request: Type.Object(
      {
        eventId: Uuid("The event."),
        audience: MessageAudience,
        subject: Type.String({ minLength: 1, maxLength: MESSAGE_SUBJECT_MAX, "x-trim": true, pattern: "^[^\\x00-\\x1f\\x7f]*$", description: `Subject, one line (1-${MESSAGE_SUBJECT_MAX} characters): the email subject, the push title and the inbox item's title.` }),
        body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX, "x-trim": true, description: `The text, plain (1-${MESSAGE_BODY_MAX} characters).` }),
        idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$", description: "The sender's key for this message: a retry with the same key sends nothing twice (the web form sends one per form)." })),
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
    description: "The event's organizer (or an admin) sets when its attendees are reminded; null goes back to the platform default (NOTIFY_REMINDER_OFFSETS). Reminders already planned are re-planned at once. 404 for an event notifications does not know.",
    request: Type.Object(
      { eventId: Uuid("The event."), offsets: Type.Union([ReminderOffsets, Type.Null()], { description: "The event's own offsets, or null for the default." }) },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      { eventId: Uuid("The event."), offsets: ReminderOffsets, custom: Type.Boolean({ description: "Whether these are the event's own offsets (false: the default)." }) },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  send: request({
    subject: "svc.notifications.send",
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
        idempotencyKey: Type.String({ minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$", description: "The caller's key for this notification: a retry with the same key sends nothing twice." }),
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
  inboxList: request({
    subject: "svc.notifications.inbox.list",
    description: "The caller's inbox, newest first, by cursor. Archived items are listed only with archived=true.",
    request: Type.Object(
      {
        ...PageRequest,
        unreadOnly: Type.Optional(Type.Boolean({ description: "Only unread items." })),
        archived: Type.Optional(Type.Boolean({ description: "List the archive instead of the inbox." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ items: Type.Array(InboxItem), nextCursor: NextCursor }, { additionalProperties: false }),
    idempotent: true,
  }),
  inboxUnreadCount: request({
    subject: "svc.notifications.inbox.unread-count",
    description: "How many of the caller's inbox items (not archived) are unread.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ unread: Type.Integer({ minimum: 0, description: "Unread items." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  inboxMarkRead: request({
    subject: "svc.notifications.inbox.mark-read",
    description: "Marks one of the caller's items read (404 for another user's item).",
    request: ItemRef,
    reply: Ok,
    idempotent: true,
  }),
  inboxMarkUnread: request({
    subject: "svc.notifications.inbox.mark-unread",
    description: "Marks one of the caller's items unread (404 for another user's item).",
    request: ItemRef,
    reply: Ok,
    idempotent: true,
  }),
  inboxMarkAllRead: request({
    subject: "svc.notifications.inbox.mark-all-read",
    description: "Marks every unread item of the caller read.",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Type.Object({ updated: Type.Integer({ minimum: 0, description: "Items marked read." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  inboxArchive: request({
    subject: "svc.notifications.inbox.archive",
    description: "Archives one of the caller's items (read as well); it leaves the inbox list (404 for another user's item).",
    request: ItemRef,
    reply: Ok,
    idempotent: true,
  }),
  devicesRegister: request({
    subject: "svc.notifications.devices.register",
    description: "Registers an FCM registration token for the caller's device (a token seen before moves to the caller).",
    request: Type.Object(
      {
        token: Type.String({ minLength: 1, maxLength: 4096, description: "FCM registration token." }),
        platform: Type.Union([Type.Literal("android"), Type.Literal("ios"), Type.Literal("web")], { description: "Device platform." }),
      },
      { additionalProperties: false },
    ),
    reply: Ok,
    idempotent: true,
  }),
  devicesRemove: request({
    subject: "svc.notifications.devices.remove",
    description: "Forgets one of the caller's device tokens (logout on that device).",
    request: Type.Object({ token: Type.String({ minLength: 1, maxLength: 4096, description: "FCM registration token." }) }, { additionalProperties: false }),
    reply: Type.Object({ removed: Type.Boolean({ description: "Whether the caller had that token." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  preferencesGet: request({
    subject: "svc.notifications.preferences.get",
    description: "The caller's notification preferences (defaults when never set: every channel on, no quiet hours).",
    request: Type.Object({}, { additionalProperties: false }),
    reply: Preferences,
    idempotent: true,
  }),
  preferencesSet: request({
    subject: "svc.notifications.preferences.set",
    description: "Replaces the caller's notification preferences.",
    request: Preferences,
    reply: Preferences,
    idempotent: true,
  }),
  unsubscribe: request({
    subject: "svc.notifications.unsubscribe",
    description: "One-click unsubscribe (RFC 8058) from the signed link of an email: turns that kind of email off for its user (for a digest: every follower email). Needs no principal; the signature is the authority.",
    request: Type.Object({ token: Type.String({ minLength: 1, maxLength: 512, description: "The signed token of the List-Unsubscribe link." }) }, { additionalProperties: false }),
    reply: Type.Object(
      {
        userId: Uuid("Whose preference changed."),
        kind: Type.Union([FollowerKind, Type.Literal("digest")], { description: "The kind of email turned off; digest turns off every follower email." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  unsubscribeCheck: request({
    subject: "svc.notifications.unsubscribe.check",
    description: "Reads what the signed link of an email would unsubscribe from, changing nothing (the page the link opens asks before it acts).",
    request: Type.Object({ token: Type.String({ minLength: 1, maxLength: 512, description: "The signed token of the unsubscribe link." }) }, { additionalProperties: false }),
    reply: Type.Object(
      { kind: Type.Union([FollowerKind, Type.Literal("digest")], { description: "The kind of email the link turns off; digest turns off every follower email." }) },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  deadLettersList: request({
    subject: "svc.notifications.admin.dead-letters.list",
    description: "Admin: dead letters of the notifications consumers (DEAD_LETTERS stream), oldest first, after a stream sequence.",
    request: Type.Object(
      {
        afterSeq: Type.Optional(Type.Integer({ minimum: 0, description: "List dead letters after this DEAD_LETTERS sequence." })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: "Page size." })),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        items: Type.Array(
          Type.Object(
            {
              seq: Type.Integer({ description: "Sequence in DEAD_LETTERS (the replay handle)." }),
              durable: Type.String({ description: "The consumer that gave up." }),
              subject: Type.String({ description: "Original subject." }),
              error: Type.String({ description: "Why it failed." }),
              deliveries: Type.Integer({ description: "Deliveries attempted." }),
              failedAt: Type.String({ description: "When it was dead-lettered." }),
              message: Type.Unknown({ description: "The original message (envelope)." }),
            },
            { additionalProperties: false },
          ),
        ),
        lastSeq: Type.Integer({ description: "Pass as afterSeq for the next page." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  deadLettersReplay: request({
    subject: "svc.notifications.admin.dead-letters.replay",
    description: "Admin: replays a dead letter through the consumer that dead-lettered it (its handler runs again on the original message; nothing is republished). Once per dead letter: a second replay answers duplicate and does nothing. A message that still breaks its contract is refused (400).",
    request: Type.Object({ seq: Type.Integer({ minimum: 1, description: "DEAD_LETTERS sequence from the list." }) }, { additionalProperties: false }),
    reply: Type.Object({ subject: Type.String({ description: "The subject the message was first published on." }), duplicate: Type.Boolean({ description: "True when it had been replayed already." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
} as const;
