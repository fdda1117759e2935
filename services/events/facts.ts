/** The facts every event-domain message carries (subjects/events.ts EventFacts), from a row. */
import type { EventRow } from "./store.ts";

export function factsOf(e: EventRow) {
  return {
    eventId: e.id,
    organizerId: e.organizer_id,
    organizationId: e.organization_id,
    visibility: e.visibility,
    status: e.status,
    title: e.title,
    startsAt: new Date(e.starts_at).toISOString(),
    endsAt: new Date(e.ends_at).toISOString(),
    timeZone: e.time_zone,
    venue: e.venue,
    onlineUrl: e.online_url,
    sequence: e.sequence,
    capacity: e.capacity,
  };
}
