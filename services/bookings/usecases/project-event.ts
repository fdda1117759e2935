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
import { ACTIVE, type EventRow, lockInventory } from "../store.ts";
import { cancelOrderBy } from "../transitions.ts";
import { offerFreedSeats } from "../waitlist.ts";

type Facts = DataOf<typeof eventEvents.published>;

export async function projectEvent(deps: Deps, trx: Knex.Transaction, f: Facts, deleted = false): Promise<void> {
  const now = deps.now();
  const prev = await trx<EventRow>("events").where({ event_id: f.eventId }).forUpdate().first();
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
  await trx("events").insert(row).onConflict("event_id").merge();
  const capacity = await lockInventory(trx, f.eventId);
  if (!capacity) {
    const quotaId = randomUUID();
    await trx("quotas").insert({ id: quotaId, event_id: f.eventId, name: "Capacity", size: row.capacity, taken: 0, is_capacity: true });
    await trx("ticket_types").insert({
      id: randomUUID(),
      event_id: f.eventId,
      name: "General admission",
      price_minor: 0,
      currency: null,
      quota_ids: [quotaId],
      is_default: true,
      max_per_order: 10,
    });
  } else if (capacity.size !== row.capacity) {
    await trx("quotas").where({ id: capacity.id }).update({ size: row.capacity });
    // More seats may serve the waitlist.
    await offerFreedSeats(deps, trx, f.eventId, now);
  }
}

/** Cancels every live order of a cancelled or deleted event, one order per transaction. */
export async function cancelAllOrders(deps: Deps, eventId: string): Promise<number> {
  let n = 0;
  for (;;) {
    const ids = await deps.db("orders").where({ event_id: eventId }).whereIn("status", ACTIVE).limit(200).pluck("id");
    if (ids.length === 0) return n;
    for (const id of ids) {
      await cancelOrderBy(deps, id, { kind: "event_cancelled" });
      n++;
    }
  }
}
