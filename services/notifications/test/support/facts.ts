/**
 * Publishes identity and events domain facts into JetStream exactly as their outboxes will:
 * the envelope of subjects/envelope.ts with a fresh uuid, msgID = envelope id.
 */
import { randomUUID } from "node:crypto";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { DataOf, MessageContract } from "../../../../subjects/contract.ts";
import { check } from "../../../kit/validate.ts";

export async function publishFact<C extends MessageContract>(
  js: JetStreamClient,
  contract: C,
  data: DataOf<C>,
  opts: { source?: string; id?: string } = {},
): Promise<string> {
  check(contract.data, data);
  const id = opts.id ?? randomUUID();
  const envelope = {
    id,
    type: contract.subject,
    version: contract.version,
    source: opts.source ?? contract.subject.split(".")[1],
    occurredAt: new Date().toISOString(),
    data,
  };
  await js.publish(contract.subject, JSON.stringify(envelope), { msgID: id });
  return id;
}

/** The facts of a public, published event (evt.event.* data). */
export function eventFacts(organizerId: string, organizationId: string | null, over: Partial<Record<string, unknown>> = {}) {
  return {
    eventId: randomUUID(),
    organizerId,
    organizationId,
    visibility: "public" as const,
    status: "published" as const,
    title: "NATS in Production",
    startsAt: "2026-12-03T09:00:00.000Z",
    endsAt: "2026-12-03T17:00:00.000Z",
    timeZone: "Europe/Berlin",
    venue: { name: "Kulturbrauerei", address: "Schönhauser Allee 36, Berlin", lat: 52.53, lng: 13.41 },
    onlineUrl: null,
    sequence: 0,
    ...over,
  };
}
