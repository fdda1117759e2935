/**
 * Events (the catalogue of happenings). This module holds the domain events other services
 * depend on; the events service adds its own requests here.
 */
import { Type } from "@sinclair/typebox";
import { event, request } from "./contract.ts";
import { Name, NextCursor, PageRequest, Timestamp, TimeZone, Uuid, Venue } from "./common.ts";

export const Visibility = Type.Union([Type.Literal("public"), Type.Literal("unlisted"), Type.Literal("private")], {
  description: "public: listed and searchable; unlisted: reachable by link only; private: its author, the owning organization's members and invited users.",
});
export const EventStatus = Type.Union([Type.Literal("draft"), Type.Literal("published"), Type.Literal("cancelled")], { description: "Lifecycle status." });

/** What every event-domain message carries, so consumers (notifications) need no call back. */
const EventFacts = {
  eventId: Uuid("The event."),
  organizerId: Uuid("The user who owns the event (its author)."),
  organizationId: Type.Union([Uuid("The owning organization."), Type.Null()], { description: "The owning organization, or null when owned by a user." }),
  visibility: Visibility,
  status: EventStatus,
  title: Name("Title.", 200),
  startsAt: Type.String({ format: "date-time", description: "Start (UTC instant)." }),
  endsAt: Type.String({ format: "date-time", description: "End (UTC instant)." }),
  timeZone: TimeZone,
  venue: Type.Union([Venue, Type.Null()], { description: "Physical venue, or null for online events." }),
  onlineUrl: Type.Union([Type.String({ format: "uri" }), Type.Null()], { description: "Online URL, or null." }),
  sequence: Type.Integer({ minimum: 0, description: "iCalendar SEQUENCE: raised on every published change, so consumers can drop stale messages." }),
  capacity: Type.Optional(
    Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: "Seats; null = unlimited (bookings keeps it as the event's capacity quota). Absent in messages from before it was added.",
    }),
  ),
};

export const ChangedField = Type.String({ description: "Name of a changed field, e.g. startsAt, venue, status." });

export const eventEvents = {
  published: event({
    subject: "evt.event.published",
    description: "An event became visible (published). Followers of its organizer or organization are told.",
    data: Type.Object(EventFacts, { additionalProperties: false }),
  }),
  updated: event({
    subject: "evt.event.updated",
    description: "A published event changed; `changed` lists the fields. A change of time, place or status is meaningful to followers and attendees.",
    data: Type.Object(
      {
        ...EventFacts,
        changed: Type.Array(ChangedField, { minItems: 1 }),
        previous: Type.Optional(
          Type.Object(
            {
              startsAt: Type.Optional(Timestamp("Start before the change.")),
              endsAt: Type.Optional(Timestamp("End before the change.")),
              venue: Type.Optional(Type.Union([Venue, Type.Null()], { description: "Venue before the change (null: none)." })),
              onlineUrl: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: "Online link before the change (null: none)." })),
            },
            {
              additionalProperties: false,
              description: "Values before the change of the changed fields followers are told about (time and place), so messages can say from what to what.",
            },
          ),
        ),
      },
      { additionalProperties: false },
    ),
  }),
  cancelled: event({
    subject: "evt.event.cancelled",
    description: "An event was cancelled; it stays readable with STATUS:CANCELLED.",
    data: Type.Object({ ...EventFacts, reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
  }),
  deleted: event({
    subject: "evt.event.deleted",
    description: "An event was deleted; its history is kept for audit.",
    data: Type.Object({ ...EventFacts, deletedBy: Uuid("Who deleted it.") }, { additionalProperties: false }),
  }),
  unpublished: event({
    subject: "evt.event.unpublished",
    description: "A published event went back to draft (by its editors, or by a platform admin for moderation); it is no longer visible to the public.",
    data: Type.Object(
      { ...EventFacts, by: Uuid("Who unpublished it."), reason: Type.Optional(Type.String({ maxLength: 1000, description: "Why, when given." })) },
      { additionalProperties: false },
    ),
  }),
} as const;

// ---------------------------------------------------------------------------------------------
// Requests of the events service (svc.events.*). The edge maps HTTP routes onto these and
// generates OpenAPI from the schemas, so every field says what it is.
// ---------------------------------------------------------------------------------------------

const EventId = Uuid("The event.");
const Title = Name("Title (plain text).", 200);
const Description = Type.String({ maxLength: 20_000, description: "Description in Markdown; rendered to sanitized HTML in descriptionHtml." });
const CategorySlug = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: "^[a-z0-9]+(-[a-z0-9]+)*$",
  description: "Slug of a category from svc.events.categories.list, e.g. tech-talks.",
});
const Tags = Type.Array(
  Type.String({ minLength: 1, maxLength: 50, description: "A free tag; stored lowercased, trimmed, inner spaces as dashes, # dropped." }),
  {
    maxItems: 20,
    description: "Free tags, normalized and de-duplicated (at most 20).",
  },
);
const Capacity = Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], { description: "Seats; null = unlimited." });
const OnlineUrl = Type.Union([Type.String({ format: "uri", maxLength: 2000, pattern: "^https?://" }), Type.Null()], {
  description: "http(s) URL of the online event, or null.",
});
const InvitedUserIds = Type.Array(Uuid("An invited user."), {
  maxItems: 1000,
  uniqueItems: true,
  description: "Users who may see a private event (besides its author and the organization's members).",
});
const Cursor = PageRequest.cursor;
const Limit = PageRequest.limit;

export const Attachment = Type.Object(
  {
    id: Uuid("Attachment id."),
    eventId: EventId,
    filename: Type.String({ description: "File name as uploaded (sanitized)." }),
    contentType: Type.String({ description: "MIME type, checked against the file's magic bytes." }),
    size: Type.Integer({ minimum: 0, description: "Size in bytes." }),
    width: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: "Image width in pixels; null for non-images." }),
    height: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: "Image height in pixels; null for non-images." }),
    sha256: Type.String({ pattern: "^[0-9a-f]{64}$", description: "SHA-256 of the content (hex); a strong ETag." }),
    createdAt: Timestamp("When it was uploaded."),
  },
  { additionalProperties: false },
);

export const EventView = Type.Object(
  {
    id: EventId,
    organizerId: Uuid("The author (owner) of the event."),
    organizationId: Type.Union([Uuid("The owning organization."), Type.Null()], { description: "The owning organization, or null when owned by a user." }),
    title: Title,
    description: Type.String({ description: "Markdown source of the description (empty when none)." }),
    descriptionHtml: Type.String({ description: "The description rendered from Markdown and sanitized (safe to embed)." }),
    startsAt: Timestamp("Start (UTC instant)."),
    endsAt: Timestamp("End (UTC instant)."),
    timeZone: TimeZone,
    venue: Type.Union([Venue, Type.Null()], { description: "Physical venue, or null." }),
    onlineUrl: OnlineUrl,
    category: Type.Union([CategorySlug, Type.Null()], { description: "Category slug, or null." }),
    tags: Type.Array(Type.String(), { description: "Normalized tags." }),
    capacity: Capacity,
    visibility: Visibility,
    status: EventStatus,
    sequence: Type.Integer({ minimum: 0, description: "iCalendar SEQUENCE: raised on every change after publication." }),
    invitedUserIds: Type.Optional(Type.Array(Uuid("An invited user."), { description: "Invited users (shown to editors only)." })),
    attachments: Type.Array(Attachment, { description: "Images and files of the event." }),
    views: Type.Integer({ minimum: 0, description: "How many times the event was viewed." }),
    createdAt: Timestamp("Created."),
    updatedAt: Timestamp("Last changed."),
    publishedAt: Type.Union([Timestamp("First published."), Type.Null()], { description: "When it was first published, or null." }),
    cancelledAt: Type.Union([Timestamp("Cancelled."), Type.Null()], { description: "When it was cancelled, or null." }),
    cancelReason: Type.Union([Type.String(), Type.Null()], { description: "Why it was cancelled, or null." }),
    googleCalendarUrl: Type.String({ description: "Google Calendar 'add to calendar' link." }),
    canEdit: Type.Boolean({ description: "Whether the caller may change the event." }),
  },
  { additionalProperties: false },
);

export const EventSummary = Type.Object(
  {
    id: EventId,
    organizerId: Uuid("The author."),
    organizationId: Type.Union([Uuid("The owning organization."), Type.Null()], { description: "The owning organization, or null." }),
    title: Title,
    startsAt: Timestamp("Start (UTC instant)."),
    endsAt: Timestamp("End (UTC instant)."),
    timeZone: TimeZone,
    venue: Type.Union([Venue, Type.Null()], { description: "Physical venue, or null." }),
    onlineUrl: OnlineUrl,
    category: Type.Union([CategorySlug, Type.Null()], { description: "Category slug, or null." }),
    tags: Type.Array(Type.String(), { description: "Normalized tags." }),
    visibility: Visibility,
    status: EventStatus,
    views: Type.Integer({ minimum: 0, description: "Views so far." }),
    publishedAt: Type.Union([Timestamp("First published."), Type.Null()], { description: "When it was first published, or null." }),
    distanceKm: Type.Optional(Type.Number({ minimum: 0, description: "Distance from the `near` point (search with near only)." })),
  },
  { additionalProperties: false },
);

const EventPage = Type.Object(
  { items: Type.Array(EventSummary, { description: "This page." }), nextCursor: NextCursor },
  { additionalProperties: false },
);

const Patch = {
  title: Type.Optional(Title),
  description: Type.Optional(Description),
  startsAt: Type.Optional(Timestamp("Start (an instant with offset, e.g. 2026-12-03T10:00:00+01:00).")),
  endsAt: Type.Optional(Timestamp("End; after startsAt.")),
  timeZone: Type.Optional(TimeZone),
  venue: Type.Optional(Type.Union([Venue, Type.Null()], { description: "Physical venue, or null." })),
  onlineUrl: Type.Optional(OnlineUrl),
  category: Type.Optional(Type.Union([CategorySlug, Type.Null()], { description: "Category slug, or null for none." })),
  tags: Type.Optional(Tags),
  capacity: Type.Optional(Capacity),
  visibility: Type.Optional(Visibility),
  invitedUserIds: Type.Optional(InvitedUserIds),
};

const HistoryChange = Type.Object(
  {
    field: ChangedField,
    old: Type.Unknown({ description: "Value before (null when unset)." }),
    new: Type.Unknown({ description: "Value after (null when unset)." }),
  },
  { additionalProperties: false },
);

export const HistoryAction = Type.Union(
  ["created", "updated", "published", "unpublished", "cancelled", "deleted", "imported", "attachment_added", "attachment_removed"].map((a) => Type.Literal(a)),
  { description: "What happened." },
);

const Ics = Type.Object(
  {
    filename: Type.String({ description: "Suggested file name, e.g. event.ics." }),
    contentType: Type.Literal("text/calendar; charset=utf-8", { description: "Media type of `ics`." }),
    ics: Type.String({ description: "The iCalendar (RFC 5545) document." }),
  },
  { additionalProperties: false },
);

const Category = Type.Object(
  {
    slug: CategorySlug,
    name: Name("Display name.", 100),
    description: Type.String({ maxLength: 500, description: "What belongs in it (may be empty)." }),
  },
  { additionalProperties: false },
);

const NoInput = Type.Object({}, { additionalProperties: false });

export const events = {
  create: request({
    subject: "svc.events.events.create",
    description:
      "Creates an event owned by the caller (and by an organization the caller administers, when organizationId is set). A draft unless publish is true.",
    request: Type.Object(
      {
        title: Title,
        description: Type.Optional(Description),
        startsAt: Timestamp("Start (an instant with offset, e.g. 2026-12-03T10:00:00+01:00)."),
        endsAt: Timestamp("End; after startsAt."),
        timeZone: TimeZone,
        venue: Patch.venue,
        onlineUrl: Patch.onlineUrl,
        category: Patch.category,
        tags: Patch.tags,
        capacity: Patch.capacity,
        visibility: Type.Optional(Visibility),
        invitedUserIds: Patch.invitedUserIds,
        organizationId: Type.Optional(
          Type.Union([Uuid("The owning organization (the caller must be one of its admins)."), Type.Null()], { description: "Owning organization, or null." }),
        ),
        publish: Type.Optional(Type.Boolean({ default: false, description: "Publish at once instead of saving a draft." })),
      },
      { additionalProperties: false },
    ),
    reply: EventView,
    idempotent: false,
  }),
  update: request({
    subject: "svc.events.events.update",
    description:
      "Changes fields of an event (its author or an admin of its organization). Each change is recorded in the history; a published event's SEQUENCE rises and evt.event.updated lists the fields.",
    request: Type.Object({ eventId: EventId, ...Patch }, { additionalProperties: false }),
    reply: EventView,
    idempotent: true,
  }),
  publish: request({
    subject: "svc.events.events.publish",
    description: "Publishes a draft (its author or an admin of its organization); emits evt.event.published.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: EventView,
    idempotent: true,
  }),
  unpublish: request({
    subject: "svc.events.events.unpublish",
    description:
      "Takes a published event back to draft: its editors, or a platform admin for moderation (the reason is recorded). Emits evt.event.unpublished.",
    request: Type.Object({ eventId: EventId, reason: Type.Optional(Type.String({ maxLength: 1000, description: "Why (shown in the history)." })) }, {
      additionalProperties: false,
    }),
    reply: EventView,
    idempotent: true,
  }),
  cancel: request({
    subject: "svc.events.events.cancel",
    description:
      "Cancels an event; it stays readable with status cancelled (STATUS:CANCELLED in calendars). Emits evt.event.cancelled when it had been published.",
    request: Type.Object({ eventId: EventId, reason: Type.Optional(Type.String({ maxLength: 1000, description: "Why, told to followers." })) }, {
      additionalProperties: false,
    }),
    reply: EventView,
    idempotent: true,
  }),
  delete: request({
    subject: "svc.events.events.delete",
    description: "Deletes an event and its attachments; its history stays readable by its editors. Emits evt.event.deleted.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Type.Object({ deleted: Type.Literal(true) }, { additionalProperties: false }),
    idempotent: true,
  }),
  get: request({
    subject: "svc.events.events.get",
    description: "Reads an event the caller may see (a private or draft event the caller may not see is not_found). countView records a view for popularity.",
    request: Type.Object({
      eventId: EventId,
      countView: Type.Optional(Type.Boolean({ default: false, description: "Count this read as a view (the edge sets it on page views)." })),
    }, { additionalProperties: false }),
    reply: EventView,
    idempotent: true,
  }),
  recordViews: request({
    subject: "svc.events.views.record",
    description:
      "Counts page views the edge answered from its read cache, in batches (a read that reaches svc.events.events.get with countView counts itself). Views of events that are not published are ignored.",
    request: Type.Object(
      {
        views: Type.Array(
          Type.Object(
            { eventId: EventId, count: Type.Integer({ minimum: 1, maximum: 1_000_000, description: "Views of this event since the last report." }) },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 1000, description: "Views per event." },
        ),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object({ recorded: Type.Integer({ minimum: 0, description: "Events whose views were counted." }) }, { additionalProperties: false }),
    idempotent: false,
  }),
  changesList: request({
    subject: "svc.events.changes.list",
    description:
      "The change history of an event, newest first: who, when, which fields, old and new values. Only its editors (and platform admins) may read it; it survives cancellation and deletion.",
    request: Type.Object({ eventId: EventId, cursor: Cursor, limit: Limit }, { additionalProperties: false }),
    reply: Type.Object(
      {
        items: Type.Array(
          Type.Object(
            {
              id: Type.String({ description: "Entry id (ordering key)." }),
              at: Timestamp("When."),
              actorId: Type.Union([Uuid("Who."), Type.Null()], { description: "Who made the change (null for the system)." }),
              action: HistoryAction,
              changes: Type.Array(HistoryChange, { description: "Fields changed, old and new values." }),
              note: Type.Union([Type.String(), Type.Null()], { description: "A reason, when one was given." }),
            },
            { additionalProperties: false },
          ),
        ),
        nextCursor: NextCursor,
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  search: request({
    subject: "svc.events.events.search",
    description:
      "Full-text search with typo tolerance (title weighs more than tags, tags more than the description) and filters; sorted by relevance, start or popularity; cursor paginated. Lists published events the caller may see.",
    request: Type.Object(
      {
        q: Type.Optional(Type.String({ maxLength: 200, description: "Words to look for; misspellings are matched to close words." })),
        category: Type.Optional(CategorySlug),
        tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 10, description: "Events carrying all of these tags." })),
        from: Type.Optional(Timestamp("Events ending at or after this instant.")),
        to: Type.Optional(Timestamp("Events starting before this instant.")),
        organizerId: Type.Optional(Uuid("Events by this author.")),
        organizationId: Type.Optional(Uuid("Events of this organization.")),
        near: Type.Optional(
          Type.Object(
            {
              lat: Type.Number({ minimum: -90, maximum: 90, description: "Latitude." }),
              lng: Type.Number({ minimum: -180, maximum: 180, description: "Longitude." }),
              radiusKm: Type.Number({ exclusiveMinimum: 0, maximum: 20_000, description: "Great-circle distance (km)." }),
            },
            { additionalProperties: false, description: "Only venues within radiusKm of the point." },
          ),
        ),
        sort: Type.Optional(
          Type.Union([Type.Literal("relevance"), Type.Literal("start"), Type.Literal("popularity")], {
            default: "relevance",
            description: "relevance (needs q; otherwise start), start (soonest first), popularity (decayed views).",
          }),
        ),
        includePast: Type.Optional(Type.Boolean({ default: false, description: "Include events that have ended (default: only those not yet over)." })),
        cursor: Cursor,
        limit: Limit,
      },
      { additionalProperties: false },
    ),
    reply: EventPage,
    idempotent: true,
  }),
  feed: request({
    subject: "svc.events.events.feed",
    description:
      "A feed of published events the caller may see: recent (newest published), upcoming (soonest), popular (views decayed over time), following (from the users and organizations the caller follows).",
    request: Type.Object(
      {
        kind: Type.Union([Type.Literal("recent"), Type.Literal("upcoming"), Type.Literal("popular"), Type.Literal("following")], {
          description: "Which feed.",
        }),
        cursor: Cursor,
        limit: Limit,
      },
      { additionalProperties: false },
    ),
    reply: EventPage,
    idempotent: true,
  }),
  followsCreate: request({
    subject: "svc.events.follows.create",
    description: "Adds an event the caller may see to the caller's calendar feed.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Type.Object({ following: Type.Literal(true) }, { additionalProperties: false }),
    idempotent: true,
  }),
  followsDelete: request({
    subject: "svc.events.follows.delete",
    description: "Removes an event from the caller's calendar feed.",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Type.Object({ following: Type.Literal(false) }, { additionalProperties: false }),
    idempotent: true,
  }),
  ics: request({
    subject: "svc.events.events.ics",
    description: "One event as an iCalendar file (SEQUENCE rises with each change; STATUS:CANCELLED once cancelled).",
    request: Type.Object({ eventId: EventId }, { additionalProperties: false }),
    reply: Ics,
    idempotent: true,
  }),
  calendarToken: request({
    subject: "svc.events.calendar.token",
    description: "Issues the caller's secret calendar-feed token, revoking any previous one. Shown once; only its hash is stored.",
    request: NoInput,
    reply: Type.Object(
      {
        token: Type.String({ description: "Secret for the feed URL; treat it like a password." }),
        createdAt: Timestamp("Issued."),
      },
      { additionalProperties: false },
    ),
    idempotent: false,
  }),
  calendarRevoke: request({
    subject: "svc.events.calendar.revoke",
    description: "Revokes the caller's calendar-feed token; the feed URL stops working.",
    request: NoInput,
    reply: Type.Object({ revoked: Type.Boolean({ description: "Whether a token existed." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  calendarFeed: request({
    subject: "svc.events.calendar.feed",
    description:
      "The private calendar feed of a token's owner: events they follow and events of the users and organizations they follow (that they may see), from 30 days ago on.",
    request: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, description: "The secret from svc.events.calendar.token." }) }, {
      additionalProperties: false,
    }),
    reply: Ics,
    idempotent: true,
  }),
  categoriesList: request({
    subject: "svc.events.categories.list",
    description: "The managed list of categories.",
    request: NoInput,
    reply: Type.Object({ items: Type.Array(Category) }, { additionalProperties: false }),
    idempotent: true,
  }),
  categoriesPut: request({
    subject: "svc.events.categories.put",
    description: "Creates or renames a category (platform admins).",
    request: Type.Object({ slug: CategorySlug, name: Category.properties.name, description: Type.Optional(Category.properties.description) }, {
      additionalProperties: false,
    }),
    reply: Category,
    idempotent: true,
  }),
  categoriesDelete: request({
    subject: "svc.events.categories.delete",
    description: "Removes a category no event uses (platform admins); conflict while events use it.",
    request: Type.Object({ slug: CategorySlug }, { additionalProperties: false }),
    reply: Type.Object({ deleted: Type.Boolean({ description: "Whether it existed." }) }, { additionalProperties: false }),
    idempotent: true,
  }),
  attachmentsPut: request({
    subject: "svc.events.attachments.put",
    description:
      "Uploads an image or file to an event (its editors): at most 5 MiB; PNG, JPEG, WebP (dimensions 1..10000 px, checked from the header), GIF, PDF or plain text; the type must match the content.",
    request: Type.Object(
      {
        eventId: EventId,
        filename: Type.String({ minLength: 1, maxLength: 200, description: "Original file name." }),
        contentType: Type.String({
          maxLength: 100,
          description: "Declared MIME type: image/png, image/jpeg, image/webp, image/gif, application/pdf or text/plain.",
        }),
        dataBase64: Type.String({ minLength: 1, maxLength: 7_000_000, description: "The content, base64 (at most 5 MiB decoded)." }),
      },
      { additionalProperties: false },
    ),
    reply: Attachment,
    idempotent: false,
  }),
  attachmentsGet: request({
    subject: "svc.events.attachments.get",
    description:
      "Where to stream an attachment from: its metadata and its NATS Object Store bucket and object name, plus caching advice. Same visibility as the event.",
    request: Type.Object({ eventId: EventId, attachmentId: Uuid("The attachment.") }, { additionalProperties: false }),
    reply: Type.Object(
      {
        attachment: Attachment,
        bucket: Type.String({ description: "NATS Object Store bucket (event-attachments)." }),
        objectName: Type.String({ description: "Object name in the bucket: <eventId>/<attachmentId>." }),
        etag: Type.String({ description: "Strong ETag (quoted SHA-256)." }),
        cacheControl: Type.String({ description: "Cache-Control to send: public and immutable for public events, private otherwise." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
  attachmentsDelete: request({
    subject: "svc.events.attachments.delete",
    description: "Removes an attachment (its event's editors).",
    request: Type.Object({ eventId: EventId, attachmentId: Uuid("The attachment.") }, { additionalProperties: false }),
    reply: Type.Object({ deleted: Type.Literal(true) }, { additionalProperties: false }),
    idempotent: true,
  }),
  import: request({
    subject: "svc.events.events.import",
    description:
      "Imports events from an external iCalendar URL (http/https only; private, loopback, link-local and metadata addresses are refused, after DNS resolution and after every redirect; size and time capped). Re-importing updates the events with the same UID instead of duplicating them.",
    request: Type.Object(
      {
        url: Type.String({ maxLength: 2000, description: "http(s) URL of an iCalendar (.ics) feed." }),
        organizationId: Type.Optional(
          Type.Union([Uuid("Owning organization (the caller must administer it)."), Type.Null()], {
            description: "Owning organization of the imported events, or null.",
          }),
        ),
        visibility: Type.Optional(Visibility),
        publish: Type.Optional(Type.Boolean({ default: false, description: "Publish imported events at once (new ones; existing ones keep their status)." })),
        timeZone: Type.Optional(TimeZone),
      },
      { additionalProperties: false },
    ),
    reply: Type.Object(
      {
        created: Type.Integer({ minimum: 0, description: "New events." }),
        updated: Type.Integer({ minimum: 0, description: "Existing events (same UID) that changed." }),
        unchanged: Type.Integer({ minimum: 0, description: "Existing events that did not change." }),
        skipped: Type.Array(Type.Object({ uid: Type.String(), reason: Type.String() }, { additionalProperties: false }), {
          description: "Entries not imported, and why.",
        }),
        eventIds: Type.Array(Uuid("An imported event."), { description: "The events created or matched, in feed order." }),
      },
      { additionalProperties: false },
    ),
    idempotent: true,
  }),
} as const;
