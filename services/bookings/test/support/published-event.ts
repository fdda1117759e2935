/**
 * What the events service publishes when an event goes live, for bookings' tests that run without
 * it: an `evt.event.published` envelope, published to JetStream with its id as the dedupe key.
 */
import { randomUUID } from "node:crypto";
import type { JetStreamClient } from "@nats-io/jetstream";
import { eventEvents } from "../../../../subjects/events.ts";
import type { Envelope } from "../../../../subjects/envelope.ts";

export type PublishedEvent = { eventId: string; organizerId: string; capacity: number | null; startsAt: string; title?: string; timeZone?: string };

export async function publishEventPublished(js: JetStreamClient, e: PublishedEvent): Promise<void> {
  const data = {
    eventId: e.eventId,
    organizerId: e.organizerId,
    organizationId: null,
    visibility: "public" as const,
    status: "published" as const,
    title: e.title ?? "Flash sale",
    startsAt: e.startsAt,
    endsAt: new Date(Date.parse(e.startsAt) + 3_600_000).toISOString(),
    timeZone: e.timeZone ?? "Europe/Berlin",
    venue: null,
    onlineUrl: null,
    sequence: 0,
    capacity: e.capacity,
  };
  const envelope: Envelope = {
    id: randomUUID(),
    type: eventEvents.published.subject,
    version: 1,
    source: "events",
    occurredAt: new Date().toISOString(),
    data,
  };
  await js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
}
