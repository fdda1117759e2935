/** The text variables of a notice about an event (what templates and the .ics need), as strings. */
import type { EventRow } from "./store.ts";

export function eventParams(ev: EventRow): Record<string, string> {
  return {
    eventId: ev.eventId,
    title: ev.title,
    startsAt: ev.startsAt,
    endsAt: ev.endsAt,
    timeZone: ev.timeZone,
    venue: ev.venue ? `${ev.venue.name}, ${ev.venue.address}` : "",
    onlineUrl: ev.onlineUrl ?? "",
    sequence: String(ev.sequence),
  };
}

/** An event fact (evt.event.*) as the projection's row. */
export function eventRowOf(f: Omit<EventRow, "reminderOffsetsS">): EventRow {
  return {
    eventId: f.eventId,
    organizerId: f.organizerId,
    title: f.title,
    startsAt: new Date(f.startsAt).toISOString(),
    endsAt: new Date(f.endsAt).toISOString(),
    timeZone: f.timeZone,
    venue: f.venue,
    onlineUrl: f.onlineUrl,
    status: f.status,
    visibility: f.visibility,
    sequence: f.sequence,
  };
}
