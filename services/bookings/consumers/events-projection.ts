/**
 * bookings-events: keeps the events projection (organizer, status, start, capacity) and cancels
 * every order of a cancelled or deleted event. Other types under evt.> are acked and skipped.
 * WARNING: the durable name is stored in JetStream and processed_messages; renaming it is a migration.
 */
import { type ConsumerSpec, on } from "../../kit/consume.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { projectEvent } from "../usecases/project-event.ts";
import { cancelEventOrders } from "../usecases/cancel-event-orders.ts";

export const EVENTS_CONSUMER = "bookings-events";

export function eventsProjectionConsumer(deps: Deps): ConsumerSpec {
  const c = EVENTS_CONSUMER;
  const projecting = { ...deps, durable: c };
  return {
    durable: c,
    stream: "EVENTS",
    filter: "evt.event.>",
    concurrency: 1, // an event's facts apply in order (sequence guards the rest)
    handlers: [
      on(eventEvents.published, async (e) => void (await projectEvent(projecting, e))),
      on(eventEvents.updated, async (e) => void (await projectEvent(projecting, e))),
      on(eventEvents.unpublished, async (e) => void (await projectEvent(projecting, e))),
      on(eventEvents.cancelled, async (e) => {
        await projectEvent(projecting, e);
        // Outside `once`: each order's cancel is its own guarded transition, so a redelivery
        // finishes what a crash interrupted and cancels nothing twice.
        await cancelEventOrders(deps, e);
      }),
      on(eventEvents.deleted, async (e) => {
        await projectEvent(projecting, { ...e, deleted: true });
        await cancelEventOrders(deps, e);
      }),
    ],
  };
}
