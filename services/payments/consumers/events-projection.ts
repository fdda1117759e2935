/**
 * payments-events: who organizes each event (for access checks, the ledger and receipts).
 * WARNING: the durable name is stored in JetStream and processed_messages; renaming it is a migration.
 */
import { type ConsumerSpec, on, once } from "../../kit/consume.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { saveEventOwner } from "../store.ts";

export const EVENTS_CONSUMER = "payments-events";

export function eventsProjectionConsumer(deps: Deps): ConsumerSpec {
  const c = EVENTS_CONSUMER;
  // A projection copies a fact and decides nothing: the consumer writes through the store, as events' and notifications' do.
  const project = (e: { id: string; data: { eventId: string; organizerId: string; organizationId: string | null; title: string } }) =>
    once(deps.db, c, e.id, (trx) => saveEventOwner(trx, e.data, deps.now())).then(() => undefined);
  return {
    durable: c,
    stream: "EVENTS",
    filter: "evt.event.>",
    concurrency: 1,
    handlers: [on(eventEvents.published, project), on(eventEvents.updated, project), on(eventEvents.cancelled, project), on(eventEvents.unpublished, project)],
  };
}
