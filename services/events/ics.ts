/**
 * iCalendar (RFC 5545) output. DTSTART/DTEND are local times with the event's TZID, and the
 * calendar carries a VTIMEZONE per zone, so clients show the event in its own zone. The
 * VTIMEZONE blocks come from timezones-ical-library (generated from the IANA database, with the
 * recurring DST rules as RRULEs; Intl can tell offsets but not the rules, and deriving RRULEs from
 * sampled transitions would be our own tz compiler). A zone the library does not know falls back
 * to UTC times. SEQUENCE is the event's
 * sequence, raised on every change after publication, and a cancelled event says
 * STATUS:CANCELLED, so subscribed calendars replace their copy.
 */
import { tzlib_get_ical_block } from "timezones-ical-library";
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

type Zone = { tzid: string; lines: string[] };
const zones = new Map<string, Zone | null>();

/**
 * The VTIMEZONE of an IANA zone and the TZID it declares (the library resolves aliases: UTC is
 * Etc/UTC), or null when it does not know the zone.
 * REVIEW: the blocks hold today's rules from 1970 on; an event before a zone's last rule change
 * would need the historical observances too.
 */
export function timeZoneOf(name: string): Zone | null {
  let z = zones.get(name);
  if (z === undefined) {
    const block = tzlib_get_ical_block(name);
    const text = Array.isArray(block) ? block[0] : "";
    const lines = text ? text.split(/\r?\n/).filter(Boolean) : [];
    const tzid = lines.find((l) => l.startsWith("TZID:"))?.slice(5);
    z = tzid ? { tzid, lines } : null;
    zones.set(name, z);
  }
  return z;
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYYMMDDTHHMMSS` of an instant on the wall clock of `zone`. */
export function localStamp(d: Date | string, zone: string): string {
  let f = localFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    localFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(d)).map((x) => [x.type, x.value]));
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

function when(prop: "DTSTART" | "DTEND", d: Date | string, zone: string): string {
  const z = timeZoneOf(zone);
  return z ? `${prop};TZID=${z.tzid}:${localStamp(d, zone)}` : `${prop}:${stamp(d)}`;
}

export type CalendarOptions = { name?: string; host: string; now: Date; eventUrl?: (id: string) => string };

export function vevent(e: EventRow, opts: CalendarOptions): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.id}@${opts.host}`,
    `DTSTAMP:${stamp(opts.now)}`,
    when("DTSTART", e.starts_at, e.time_zone),
    when("DTEND", e.ends_at, e.time_zone),
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
