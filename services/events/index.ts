/**
 * events: the catalogue of happenings. Create, edit, publish, cancel and delete events with a
 * full change history; search (full text with typo tolerance, filters, distance) and feeds;
 * attachments in the NATS Object Store; .ics per event and a private calendar feed per user;
 * import from external iCalendar URLs behind an SSRF guard. Every change emits its domain event
 * through the outbox. Identity answers who administers an organization (svc.identity.orgs.can-act);
 * follows and memberships arrive as events and are projected here.
 */
import { Type } from "@sinclair/typebox";
import { Objm } from "@nats-io/obj";
import { StorageType } from "@nats-io/jetstream";
import { defineService } from "../kit/service.ts";
import { call } from "../kit/call.ts";
import { identity } from "../../subjects/identity.ts";
import { eventEvents } from "../../subjects/events.ts";
import { schema } from "./migrations/001-events.ts";
import { ATTACHMENTS_BUCKET, type Deps } from "./deps.ts";
import { IDENTITY_CONSUMER, IDENTITY_USERS_CONSUMER, identityProjectionConsumer } from "./consumers/identity-projection.ts";
import { IDENTITY_ORGS_CONSUMER, orgMembersProjectionConsumer } from "./consumers/org-members-projection.ts";
import { eventsCreateEndpoint } from "./endpoints/events-create.ts";
import { eventsUpdateEndpoint } from "./endpoints/events-update.ts";
import { eventsPublishEndpoint } from "./endpoints/events-publish.ts";
import { eventsUnpublishEndpoint } from "./endpoints/events-unpublish.ts";
import { eventsCancelEndpoint } from "./endpoints/events-cancel.ts";
import { eventsDeleteEndpoint } from "./endpoints/events-delete.ts";
import { eventsGetEndpoint } from "./endpoints/events-get.ts";
import { viewsRecordEndpoint } from "./endpoints/views-record.ts";
import { changesListEndpoint } from "./endpoints/changes-list.ts";
import { eventsSearchEndpoint } from "./endpoints/events-search.ts";
import { eventsFeedEndpoint } from "./endpoints/events-feed.ts";
import { followsCreateEndpoint } from "./endpoints/follows-create.ts";
import { followsDeleteEndpoint } from "./endpoints/follows-delete.ts";
import { eventsIcsEndpoint } from "./endpoints/events-ics.ts";
import { calendarTokenEndpoint } from "./endpoints/calendar-token.ts";
import { calendarRevokeEndpoint } from "./endpoints/calendar-revoke.ts";
import { calendarFeedEndpoint } from "./endpoints/calendar-feed.ts";
import { categoriesListEndpoint } from "./endpoints/categories-list.ts";
import { categoriesPutEndpoint } from "./endpoints/categories-put.ts";
import { categoriesDeleteEndpoint } from "./endpoints/categories-delete.ts";
import { attachmentsPutEndpoint } from "./endpoints/attachments-put.ts";
import { attachmentsGetEndpoint } from "./endpoints/attachments-get.ts";
import { attachmentsDeleteEndpoint } from "./endpoints/attachments-delete.ts";
import { eventsImportEndpoint } from "./endpoints/events-import.ts";

export const EventsEnv = Type.Object({
  EVENTS_ATTACHMENT_MAX_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 16 * 1024 * 1024,
    default: 5 * 1024 * 1024,
    description:
      "Largest attachment upload (decoded bytes). Uploads travel base64 in one NATS request: the server's max_payload must exceed 4/3 of this (8 MB for the 5 MiB default).",
  }),
  EVENTS_IMPORT_MAX_BYTES: Type.Integer({ minimum: 1024, default: 2 * 1024 * 1024, description: "Largest iCalendar file an import fetches." }),
  EVENTS_IMPORT_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 120_000,
    default: 10_000,
    description: "Time cap of an import's fetch, redirects included.",
  }),
  EVENTS_IMPORT_MAX_EVENTS: Type.Integer({
    minimum: 1,
    maximum: 10_000,
    default: 500,
    description: "Most VEVENTs one import takes; the rest are reported as skipped.",
  }),
  EVENTS_IMPORT_ALLOWED_ORIGINS: Type.Optional(
    Type.String({
      description:
        "Comma-separated origins (scheme://host:port) imports may fetch although they resolve to private addresses, e.g. an intranet calendar. Unset: none.",
    }),
  ),
});

export const eventsService = defineService({
  name: "events",
  bus: {
    calls: [identity.canActForOrg],
    publishes: Object.values(eventEvents),
    consumes: ["EVENTS"],
    // IDENTITY_CONSUMER: the durable the two replaced, deleted at start (kit/consume.ts retireReplaced).
    durables: [IDENTITY_USERS_CONSUMER, IDENTITY_ORGS_CONSUMER, IDENTITY_CONSUMER],
    objects: [ATTACHMENTS_BUCKET],
  },
  version: "0.1.0",
  description: "Events: catalogue, history, search, feeds, attachments, calendars and imports.",
  env: EventsEnv,
  migrations: [schema],
  async setup(rt) {
    const env = rt.env;
    const objects = await new Objm(rt.nats.nc).create(ATTACHMENTS_BUCKET, {
      storage: StorageType.File,
      description: "Event images and files: <eventId>/<attachmentId>.",
    });
    const maxPayload = rt.nats.nc.info?.max_payload ?? 0;
    if (maxPayload && maxPayload < Math.ceil((env.EVENTS_ATTACHMENT_MAX_BYTES * 4) / 3) + 1024) {
      rt.log.warn(
        { maxPayload, attachmentMaxBytes: env.EVENTS_ATTACHMENT_MAX_BYTES },
        "NATS max_payload is below the attachment limit: large uploads will be refused by the server",
      );
    }
    const deps: Deps = {
      db: rt.db,
      nats: rt.nats,
      log: rt.log,
      objects,
      async canActForOrg(principal, orgId) {
        const r = await call(rt.nats.nc, identity.canActForOrg, { userId: principal.sub, orgId, minRole: "admin" }, { principal, timeoutMs: 3_000 });
        return r.allowed;
      },
      config: {
        attachmentMaxBytes: env.EVENTS_ATTACHMENT_MAX_BYTES,
        importMaxBytes: env.EVENTS_IMPORT_MAX_BYTES,
        importTimeoutMs: env.EVENTS_IMPORT_TIMEOUT_MS,
        importMaxEvents: env.EVENTS_IMPORT_MAX_EVENTS,
        importAllowedOrigins: (env.EVENTS_IMPORT_ALLOWED_ORIGINS ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => new URL(s).origin),
      },
      now: () => new Date(),
    };
    return {
      endpoints: [
        eventsCreateEndpoint(deps),
        eventsUpdateEndpoint(deps),
        eventsPublishEndpoint(deps),
        eventsUnpublishEndpoint(deps),
        eventsCancelEndpoint(deps),
        eventsDeleteEndpoint(deps),
        eventsGetEndpoint(deps),
        viewsRecordEndpoint(deps),
        changesListEndpoint(deps),
        eventsSearchEndpoint(deps),
        eventsFeedEndpoint(deps),
        followsCreateEndpoint(deps),
        followsDeleteEndpoint(deps),
        eventsIcsEndpoint(deps),
        calendarTokenEndpoint(deps),
        calendarRevokeEndpoint(deps),
        calendarFeedEndpoint(deps),
        categoriesListEndpoint(deps),
        categoriesPutEndpoint(deps),
        categoriesDeleteEndpoint(deps),
        attachmentsPutEndpoint(deps),
        attachmentsGetEndpoint(deps),
        attachmentsDeleteEndpoint(deps),
        eventsImportEndpoint(deps),
      ],
      consumers: [identityProjectionConsumer(deps), orgMembersProjectionConsumer(deps)],
    };
  },
});
