/**
 * iCalendar (RFC 5545) output. DTSTART/DTEND are local times with the event's TZID, and the
 * calendar carries a VTIMEZONE per zone, so clients show the event in its own zone (the blocks
 * and the line rules are the kit's, services/kit/ical.ts). A zone without a VTIMEZONE falls back
 * to UTC times. SEQUENCE is the event's
 * sequence, raised on every change after publication, and a cancelled event says
 * STATUS:CANCELLED, so subscribed calendars replace their copy.
 */
import { escapeText, fold, icsStamp as stamp, icsWhen, timeZoneOf } from "../kit/ical.ts";
import type { EventRow } from "./store.ts";
import { placeOf } from "./render.ts";

export type CalendarOptions = { name?: string; host: string; now: Date; eventUrl?: (id: string) => string };

export function vevent(e: EventRow, opts: CalendarOptions): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.id}@${opts.host}`,
    `DTSTAMP:${stamp(opts.now)}`,
    icsWhen("DTSTART", e.starts_at, e.time_zone),
    icsWhen("DTEND", e.ends_at, e.time_zone),
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.status === "cancelled" ? "CANCELLED" : e.status === "draft" ? "TENTATIVE" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(e.title)}`,
    `CREATED:${stamp(e.created_at)}`,
    `LAST-MODIFIED:${stamp(e.updated_at)}`,
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
  const declared = new Set<string>();
  for (const e of rows) {
    const z = timeZoneOf(e.time_zone);
    if (z && !declared.has(z.tzid)) {
      declared.add(z.tzid);
      lines.push(...z.lines);
    }
  }
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
