/** bookings' events projection and the inventory it creates for an event first seen. */
import type { Knex } from "knex";
import { ACTIVE, type EventRow } from "../store.ts";

/** The projected event, its row locked until the transaction ends. */
export async function lockEventRow(trx: Knex.Transaction, eventId: string): Promise<EventRow | undefined> {
  return await trx<EventRow>("events").where({ event_id: eventId }).forUpdate().first();
}

export async function upsertEvent(trx: Knex.Transaction, row: EventRow & { updated_at: Date }): Promise<void> {
  await trx("events").insert(row).onConflict("event_id").merge();
}

/** An event's first inventory: its capacity quota and a free default ticket type drawing from it. */
export async function createInventory(
  trx: Knex.Transaction,
  eventId: string,
  ids: { quotaId: string; typeId: string },
  capacity: number | null,
): Promise<void> {
  await trx("quotas").insert({ id: ids.quotaId, event_id: eventId, name: "Capacity", size: capacity, taken: 0, is_capacity: true });
  await trx("ticket_types").insert({
    id: ids.typeId,
    event_id: eventId,
    name: "General admission",
    price_minor: 0,
    currency: null,
    quota_ids: [ids.quotaId],
    is_default: true,
    max_per_order: 10,
  });
}

export async function resizeQuota(trx: Knex.Transaction, quotaId: string, size: number | null): Promise<void> {
  await trx("quotas").where({ id: quotaId }).update({ size });
}

/** Up to 200 ids of the event's live orders. */
export async function liveOrderIds(db: Knex, eventId: string): Promise<string[]> {
  return await db("orders").where({ event_id: eventId }).whereIn("status", ACTIVE).limit(200).pluck("id");
}
