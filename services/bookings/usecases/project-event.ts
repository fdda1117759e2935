/**
 * The events projection: what bookings needs of an event (organizer, organization, status, start,
 * capacity), from evt.event.* — never from the events service's tables. A message older than the
 * row (lower sequence) is dropped. The first time an event is seen, its inventory is created: a
 * capacity quota (size = the event's capacity, null = unlimited) and a free default ticket type
 * drawing from it. A capacity change resizes that quota; a cancelled or deleted event cancels
 * every live order (full refunds through payments).
 */
import { randomUUID } from "node:crypto";
import { once } from "../../kit/consume.ts";
import type { DataOf } from "../../../subjects/contract.ts";
import type { eventEvents } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { lockInventory } from "../store.ts";
import { createInventory, lockEventRow, resizeQuota, upsertEvent } from "../store/events.ts";
import { offerFreedSeats } from "../waitlist.ts";

type Facts = DataOf<typeof eventEvents.published>;
/** A fact about an event as its consumer received it: the envelope's id, its data, and whether it says the event is gone. */
export type EventFact = { id: string; data: Facts; deleted?: boolean };

/** Applies `fact` once per consumer (`deps.durable`): a redelivery finds it recorded and changes nothing. */
export async function projectEvent(deps: Deps & { durable: string }, fact: EventFact): Promise<void> {
  await once(deps.db, deps.durable, fact.id, async (trx) => {
    const f = fact.data;
    const deleted = fact.deleted ?? false;
    const now = deps.now();
    const prev = await lockEventRow(trx, f.eventId);
    if (prev && prev.sequence > f.sequence) return;
    const row = {
      event_id: f.eventId,
      organizer_id: f.organizerId,
      organization_id: f.organizationId,
      status: f.status,
      title: f.title,
      starts_at: new Date(f.startsAt),
      ends_at: new Date(f.endsAt),
      capacity: f.capacity === undefined ? (prev?.capacity ?? null) : f.capacity,
      sequence: f.sequence,
      deleted: deleted || Boolean(prev?.deleted),
      updated_at: now,
    };
    await upsertEvent(trx, row);
    const capacity = await lockInventory(trx, f.eventId);
    if (!capacity) {
      await createInventory(trx, f.eventId, { quotaId: randomUUID(), typeId: randomUUID() }, row.capacity);
    } else if (capacity.size !== row.capacity) {
      await resizeQuota(trx, capacity.id, row.capacity);
      // More seats may serve the waitlist.
      await offerFreedSeats(deps, trx, f.eventId, now);
    }
  });
}
