/**
 * The iTIP invitation (RFC 5546) attached to an attendee's email: METHOD:REQUEST when they book
 * or the event changes (SEQUENCE is the event's, raised on every change, so calendars replace
 * their copy), METHOD:CANCEL when it is cancelled. UID is `<event id>@convene`, the same as the
 * events service's .ics feed (services/events/calendars.ts ICS_HOST), so an event the
 * user subscribed to and the one their ticket put in the calendar are one entry.
 * DTSTART/DTEND are wall-clock times in the event's time zone with its VTIMEZONE
 * (timezones-ical-library); an unknown zone falls back to UTC times.
 * Written here rather than imported: services never import each other (the events service has
 * its own renderer for feeds, METHOD:PUBLISH).
 */
import { tzlib_get_ical_block } from "timezones-ical-library";

/** WARNING: the UID's host; it must stay equal to the events service's, or calendars get two entries. */
export const UID_HOST = "convene";

const stamp = (d: Date | string) => new Date(d).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** TEXT escaping (RFC 5545 3.3.11). */
const text = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
/** A quoted parameter value (CN): no quotes inside. */
const param = (s: string) => `"${s.replace(/"/g, "'")}"`;

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (RFC 5545 3.1). */
function fold(line: string): string {
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
    limit = 74;
  }
  return parts.join("\r\n ");
}

const zones = new Map<string, { tzid: string; lines: string[] } | null>();

function zoneOf(name: string): { tzid: string; lines: string[] } | null {
  let z = zones.get(name);
  if (z === undefined) {
    const block = tzlib_get_ical_block(name);
    const body = Array.isArray(block) ? block[0] : "";
    const lines = body ? body.split(/\r?\n/).filter(Boolean) : [];
    const tzid = lines.find((l) => l.startsWith("TZID:"))?.slice(5);
    z = tzid ? { tzid, lines } : null;
    zones.set(name, z);
  }
  return z;
}

function local(d: string, zone: string): string {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(f.formatToParts(new Date(d)).map((x) => [x.type, x.value]));
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

export type Invitation = {
  method: "REQUEST" | "CANCEL";
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** "Venue, address", or "" when online. */
  location: string;
  url: string;
  sequence: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  now: Date;
};

export function invitation(i: Invitation): string {
  const z = zoneOf(i.timeZone);
  const when = (prop: "DTSTART" | "DTEND", d: string) => (z ? `${prop};TZID=${z.tzid}:${local(d, i.timeZone)}` : `${prop}:${stamp(d)}`);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Notifications//EN", "CALSCALE:GREGORIAN", `METHOD:${i.method}`];
  if (z) lines.push(...z.lines);
  lines.push(
    "BEGIN:VEVENT",
    `UID:${i.eventId}@${UID_HOST}`,
    `DTSTAMP:${stamp(i.now)}`,
    when("DTSTART", i.startsAt),
    when("DTEND", i.endsAt),
    `SEQUENCE:${i.sequence}`,
    `STATUS:${i.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${text(i.title)}`,
    `ORGANIZER;CN=${param(i.organizer.name)}:mailto:${i.organizer.email}`,
    `ATTENDEE;CN=${param(i.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${i.attendee.email}`,
    `URL:${i.url}`,
  );
  if (i.location) lines.push(`LOCATION:${text(i.location)}`);
  lines.push("END:VEVENT", "END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
