/**
 * The events projection: what bookings needs of an event (organizer, organization, status, start,
 * capacity), from evt.event.* — never from the events service's tables. A message older than the
 * row (lower sequence) is dropped. The first time an event is seen, its inventory is created: a
 * capacity quota (size = the event's capacity, null = unlimited) and a free default ticket type
 * drawing from it. A capacity change resizes that quota; a cancelled or deleted event cancels
 * every live order (full refunds through payments).
 */
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import type { DataOf } from "../../../subjects/contract.ts";
import type { eventEvents } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { lockInventory } from "../store.ts";
import { createInventory, lockEventRow, resizeQuota, upsertEvent } from "../store/events.ts";
import { offerFreedSeats } from "../waitlist.ts";

type Facts = DataOf<typeof eventEvents.published>;

export async function projectEvent(deps: Deps, trx: Knex.Transaction, f: Facts, deleted = false): Promise<void> {
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
}
