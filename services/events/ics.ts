/**
 * iCalendar (RFC 5545) output. Times are UTC (a TZID would need a VTIMEZONE per zone); the
 * event's zone travels as X-CONVENE-TZID and in the Google link. SEQUENCE is the event's
 * sequence, raised on every change after publication, and a cancelled event says
 * STATUS:CANCELLED, so subscribed calendars replace their copy.
 */
import type { EventRow } from "./store.ts";
import { placeOf } from "./render.ts";

const stamp = (d: Date | string) => new Date(d).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** TEXT escaping (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 3.1). */
export function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join("\r\n ");
}

export type CalendarOptions = { name?: string; host: string; now: Date; eventUrl?: (id: string) => string };

export function vevent(e: EventRow, opts: CalendarOptions): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.id}@${opts.host}`,
    `DTSTAMP:${stamp(opts.now)}`,
    `DTSTART:${stamp(e.starts_at)}`,
    `DTEND:${stamp(e.ends_at)}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.status === "cancelled" ? "CANCELLED" : e.status === "draft" ? "TENTATIVE" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(e.title)}`,
    `CREATED:${stamp(e.created_at)}`,
    `LAST-MODIFIED:${stamp(e.updated_at)}`,
    `X-CONVENE-TZID:${e.time_zone}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  const place = placeOf(e);
  if (place) lines.push(`LOCATION:${escapeText(place)}`);
  if (e.venue) lines.push(`GEO:${e.venue.lat};${e.venue.lng}`);
  if (e.online_url) lines.push(`URL:${e.online_url}`);
  else if (opts.eventUrl) lines.push(`URL:${opts.eventUrl(e.id)}`);
  if (e.tags.length) lines.push(`CATEGORIES:${e.tags.map(escapeText).join(",")}`);
  if (e.visibility === "private") lines.push("CLASS:PRIVATE");
  lines.push("END:VEVENT");
  return lines;
}

export function calendar(rows: EventRow[], opts: CalendarOptions): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Events//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (opts.name) lines.push(`X-WR-CALNAME:${escapeText(opts.name)}`);
  for (const e of rows) lines.push(...vevent(e, opts));
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A file name from a title: lowercase ASCII words joined by dashes. */
export function filenameOf(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${base || "event"}.ics`;
}
