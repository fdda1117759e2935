/**
 * The iTIP invitation (RFC 5546) attached to an attendee's email: METHOD:REQUEST when they book
 * or the event changes (SEQUENCE is the event's, raised on every change, so calendars replace
 * their copy), METHOD:CANCEL when it is cancelled. UID is `<event id>@convene`, the same as the
 * events service's .ics feed (services/events/calendars.ts ICS_HOST), so an event the
 * user subscribed to and the one their ticket put in the calendar are one entry.
 * DTSTART/DTEND are wall-clock times in the event's time zone with its VTIMEZONE
 * (the kit's iCalendar blocks, services/kit/ical.ts, shared with the events service's feeds);
 * an unknown zone falls back to UTC times.
 */
import { escapeText as text, fold, icsStamp as stamp, icsWhen, timeZoneOf } from "../../kit/ical.ts";

/** WARNING: the UID's host; it must stay equal to the events service's, or calendars get two entries. */
export const UID_HOST = "convene";

/** A quoted parameter value (CN): no quotes inside. */
const param = (s: string) => `"${s.replace(/"/g, "'")}"`;

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
  const z = timeZoneOf(i.timeZone);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Notifications//EN", "CALSCALE:GREGORIAN", `METHOD:${i.method}`];
  if (z) lines.push(...z.lines);
  lines.push(
    "BEGIN:VEVENT",
    `UID:${i.eventId}@${UID_HOST}`,
    `DTSTAMP:${stamp(i.now)}`,
    icsWhen("DTSTART", i.startsAt, i.timeZone),
    icsWhen("DTEND", i.endsAt, i.timeZone),
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
