/** Rows to replies: the event view, list summaries, sanitized Markdown and calendar links. */
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import type { Static } from "@sinclair/typebox";
import type { Attachment, EventSummary, EventView } from "../../subjects/events.ts";
import type { AttachmentRow, EventRow } from "./store.ts";

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** Markdown → HTML that is safe to embed: no scripts, styles, event handlers or foreign schemes. */
export function renderMarkdown(md: string): string {
  if (!md.trim()) return "";
  const html = marked.parse(md, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "hr",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "strong",
      "em",
      "del",
      "code",
      "pre",
      "blockquote",
      "ul",
      "ol",
      "li",
      "a",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
    ],
    allowedAttributes: { a: ["href", "title", "rel"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }) },
  }).trim();
}

function calendarStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export function placeOf(e: Pick<EventRow, "venue" | "online_url">): string {
  if (e.venue) return [e.venue.name, e.venue.address].filter(Boolean).join(", ");
  return e.online_url ?? "";
}

/** Google Calendar "add to calendar" link (the TEMPLATE action). */
export function googleCalendarUrl(e: Pick<EventRow, "title" | "description" | "starts_at" | "ends_at" | "time_zone" | "venue" | "online_url">): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: e.title,
    dates: `${calendarStamp(new Date(e.starts_at))}/${calendarStamp(new Date(e.ends_at))}`,
    ctz: e.time_zone,
  });
  const details = e.description.slice(0, 1500);
  if (details) params.set("details", details);
  const place = placeOf(e);
  if (place) params.set("location", place);
  return `https://calendar.google.com/calendar/render?${params}`;
}

export function toAttachment(a: AttachmentRow): Static<typeof Attachment> {
  return {
    id: a.id,
    eventId: a.event_id,
    filename: a.filename,
    contentType: a.content_type,
    size: a.size,
    width: a.width,
    height: a.height,
    sha256: a.sha256,
    createdAt: iso(a.created_at),
  };
}

export function toView(e: EventRow, opts: { attachments: AttachmentRow[]; invites?: string[]; canEdit: boolean }): Static<typeof EventView> {
  const view: Static<typeof EventView> = {
    id: e.id,
    organizerId: e.organizer_id,
    organizationId: e.organization_id,
    title: e.title,
    description: e.description,
    descriptionHtml: renderMarkdown(e.description),
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    timeZone: e.time_zone,
    venue: e.venue,
    onlineUrl: e.online_url,
    category: e.category,
    tags: e.tags,
    capacity: e.capacity,
    visibility: e.visibility,
    status: e.status,
    sequence: e.sequence,
    attachments: opts.attachments.map(toAttachment),
    views: e.views,
    createdAt: iso(e.created_at),
    updatedAt: iso(e.updated_at),
    publishedAt: isoOrNull(e.published_at),
    cancelledAt: isoOrNull(e.cancelled_at),
    cancelReason: e.cancel_reason,
    googleCalendarUrl: googleCalendarUrl(e),
    canEdit: opts.canEdit,
  };
  if (opts.canEdit && opts.invites) view.invitedUserIds = opts.invites;
  return view;
}

export function toSummary(e: EventRow & { distance_km?: number | null }): Static<typeof EventSummary> {
  const s: Static<typeof EventSummary> = {
    id: e.id,
    organizerId: e.organizer_id,
    organizationId: e.organization_id,
    title: e.title,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    timeZone: e.time_zone,
    venue: e.venue,
    onlineUrl: e.online_url,
    category: e.category,
    tags: e.tags,
    visibility: e.visibility,
    status: e.status,
    views: e.views,
    publishedAt: isoOrNull(e.published_at),
  };
  if (e.distance_km !== undefined && e.distance_km !== null) s.distanceKm = Math.round(e.distance_km * 1000) / 1000;
  return s;
}
