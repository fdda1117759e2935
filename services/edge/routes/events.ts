/** The event catalogue: events, their history, search, feeds, calendars, categories, attachments and imports (svc.events.*). */
import { events } from "../../../subjects/events.ts";
import { inputFrom, type ResponseCaching, type Route, route } from "./route.ts";

const tag = "events";
const id = { id: "eventId" };

/** Public reads of one event: cached for anonymous callers until a domain event about it. */
const byEvent: ResponseCaching = {
  tags: (input) => [`event:${String(input.eventId)}`],
  invalidatedBy: ["evt.event.>"],
  invalidates: (data) => (typeof data.eventId === "string" ? [`event:${data.eventId}`] : []),
};

/** The event page: cached like any read of the event, and every hit still counts as a view. */
const pageViews: ResponseCaching = {
  ...byEvent,
  reportHits: {
    contract: events.recordViews,
    key: (input) => String(input.eventId),
    request: (counts) => ({ views: counts.map(([eventId, count]) => ({ eventId, count })) }),
  },
};

const calendar = (reply: unknown) => (reply as { ics: string }).ics;
const icsFile = { type: "text/calendar; charset=utf-8", render: calendar, filename: (reply: unknown) => (reply as { filename: string }).filename };

export const eventRoutes: Route[] = [
  route({
    method: "POST",
    path: "/v1/events",
    contract: events.create,
    auth: "user",
    tag,
    summary: "Create an event (a draft unless publish is true)",
    input: { body: true },
    status: 201,
    creates: true,
  }),
  route({
    method: "GET",
    path: "/v1/events",
    contract: events.search,
    auth: "public",
    tag,
    summary: "Search events: full text with typo tolerance, filters, distance, sorts",
    input: { query: ["q", "category", "tags", "from", "to", "organizerId", "organizationId", "near", "sort", "includePast", "cursor", "limit"] },
  }),
  {
    // A page view counts toward popularity: a read that reaches the service counts itself, one
    // the cache answers is reported in a batch.
    ...route({
      method: "GET",
      path: "/v1/events/{id}",
      contract: events.get,
      auth: "public",
      tag,
      summary: "An event the caller may see",
      input: { path: id },
      cache: pageViews,
    }),
    toInput: (req) => ({ ...inputFrom(events.get.request, { path: id }, req), countView: true }),
  },
  route({
    method: "PATCH",
    path: "/v1/events/{id}",
    contract: events.update,
    auth: "user",
    tag,
    summary: "Change an event (its author or an admin of its organization)",
    input: { path: id, body: true },
  }),
  route({
    method: "DELETE",
    path: "/v1/events/{id}",
    contract: events.delete,
    auth: "user",
    tag,
    summary: "Delete an event and its attachments (its history stays)",
    input: { path: id },
  }),
  route({
    method: "POST",
    path: "/v1/events/{id}/publish",
    contract: events.publish,
    auth: "user",
    tag,
    summary: "Publish a draft; followers are notified",
    input: { path: id },
  }),
  route({
    method: "POST",
    path: "/v1/events/{id}/unpublish",
    contract: events.unpublish,
    auth: "user",
    tag,
    summary: "Take an event back to draft (its editors, or an admin for moderation)",
    input: { path: id, body: true },
  }),
  route({
    method: "POST",
    path: "/v1/events/{id}/cancel",
    contract: events.cancel,
    auth: "user",
    tag,
    summary: "Cancel an event; followers are notified",
    input: { path: id, body: true },
  }),
  route({
    method: "GET",
    path: "/v1/events/{id}/history",
    contract: events.changesList,
    auth: "user",
    tag,
    summary: "Every change: who, when, old and new values (editors only)",
    input: { path: id, query: ["cursor", "limit"] },
  }),
  route({
    method: "GET",
    path: "/v1/events/{id}/calendar.ics",
    contract: events.ics,
    auth: "public",
    tag,
    summary: "The event as an iCalendar file",
    input: { path: id },
    representation: icsFile,
    cache: byEvent,
  }),
  route({
    method: "POST",
    path: "/v1/events/{id}/follow",
    contract: events.followsCreate,
    auth: "user",
    tag,
    summary: "Add an event to my calendar feed",
    input: { path: id },
  }),
  route({
    method: "DELETE",
    path: "/v1/events/{id}/follow",
    contract: events.followsDelete,
    auth: "user",
    tag,
    summary: "Remove an event from my calendar feed",
    input: { path: id },
  }),
  route({
    method: "GET",
    path: "/v1/feeds/{kind}",
    contract: events.feed,
    auth: "public",
    tag,
    summary: "Recent, upcoming, popular, or from whom I follow (signed in)",
    input: { path: { kind: "kind" }, query: ["cursor", "limit"] },
  }),
  // Minting a secret: no Idempotency-Key (a replay store would keep it at rest).
  route({
    method: "POST",
    path: "/v1/me/calendar/token",
    contract: events.calendarToken,
    auth: "user",
    tag,
    summary: "Issue my secret calendar-feed token (revokes the previous one)",
  }),
  route({ method: "DELETE", path: "/v1/me/calendar/token", contract: events.calendarRevoke, auth: "user", tag, summary: "Revoke my calendar-feed token" }),
  route({
    method: "GET",
    path: "/v1/calendars/{token}/feed.ics",
    contract: events.calendarFeed,
    auth: "public",
    tag,
    summary: "A private calendar feed (the secret token is the credential)",
    input: { path: { token: "token" } },
    representation: icsFile,
  }),
  route({ method: "GET", path: "/v1/categories", contract: events.categoriesList, auth: "public", tag, summary: "The managed list of categories" }),
  route({
    method: "PUT",
    path: "/v1/admin/categories/{slug}",
    contract: events.categoriesPut,
    auth: "admin",
    tag,
    summary: "Create or rename a category",
    input: { path: { slug: "slug" }, body: true },
  }),
  route({
    method: "DELETE",
    path: "/v1/admin/categories/{slug}",
    contract: events.categoriesDelete,
    auth: "admin",
    tag,
    summary: "Remove a category no event uses",
    input: { path: { slug: "slug" } },
  }),
  route({
    method: "POST",
    path: "/v1/events/{id}/attachments",
    contract: events.attachmentsPut,
    auth: "user",
    tag,
    summary: "Attach an image or file (base64 in JSON, at most 5 MiB decoded)",
    input: { path: id, body: true },
    status: 201,
    creates: true,
    bodyLimitBytes: 7_200_000,
  }),
  route({
    method: "DELETE",
    path: "/v1/events/{id}/attachments/{attachmentId}",
    contract: events.attachmentsDelete,
    auth: "user",
    tag,
    summary: "Remove an attachment",
    input: { path: { ...id, attachmentId: "attachmentId" } },
  }),
  route({
    method: "POST",
    path: "/v1/events/import",
    contract: events.import,
    auth: "user",
    tag,
    summary: "Import events from an iCalendar URL (re-imports update by UID)",
    input: { body: true },
  }),
];
