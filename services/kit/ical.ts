/**
 * iCalendar (RFC 5545) building blocks shared by the events service's feeds (METHOD:PUBLISH) and
 * notifications' invitations (iTIP, METHOD:REQUEST/CANCEL): UTC and local date-times, TEXT
 * escaping, line folding and the VTIMEZONE of a zone. The VTIMEZONE blocks come from
 * timezones-ical-library (generated from the IANA database, with the recurring DST rules as
 * RRULEs; Intl can tell offsets but not the rules, and deriving RRULEs from sampled transitions
 * would be our own tz compiler).
 */
import { Buffer } from "node:buffer";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { wallParts } from "./time-zone.ts";

/** A UTC DATE-TIME: `YYYYMMDDTHHMMSSZ`. */
export const icsStamp = (d: Date | string): string => new Date(d).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** A local DATE-TIME, `YYYYMMDDTHHMMSS`: an instant on the wall clock of `zone` (to pair with its TZID). */
export function icsLocalStamp(d: Date | string, zone: string): string {
  const p = wallParts(d, zone);
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

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

export type IcsZone = { tzid: string; lines: string[] };
const zones = new Map<string, IcsZone | null>();

/**
 * The VTIMEZONE of an IANA zone and the TZID it declares (the library resolves aliases: UTC is
 * Etc/UTC), or null when it does not know the zone (callers then write UTC times).
 * REVIEW: the blocks hold today's rules from 1970 on; an event before a zone's last rule change
 * would need the historical observances too.
 */
export function timeZoneOf(name: string): IcsZone | null {
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

/** DTSTART/DTEND: local time with the zone's TZID when the zone is known, else UTC. */
export function icsWhen(prop: "DTSTART" | "DTEND", d: Date | string, zone: string): string {
  const z = timeZoneOf(zone);
  return z ? `${prop};TZID=${z.tzid}:${icsLocalStamp(d, zone)}` : `${prop}:${icsStamp(d)}`;
}
