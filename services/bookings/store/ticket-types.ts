/** bookings' writes to an event's ticket types, quotas and settings (the organizer's side of inventory). */
import type { Knex } from "knex";
import type { QuotaRow, SettingsRow, TicketTypeRow } from "../store.ts";

/** Takes the free default type off sale (hidden, not deleted) when the organizer's first own type replaces it. */
export async function retireDefaultType(trx: Knex.Transaction, id: string): Promise<void> {
  await trx<TicketTypeRow>("ticket_types").where({ id }).update({ is_default: false, visibility: "hidden" });
}

export async function insertTicketType(trx: Knex.Transaction, row: Partial<TicketTypeRow>): Promise<TicketTypeRow> {
  const [t] = await trx<TicketTypeRow>("ticket_types").insert(row).returning("*");
  return t as TicketTypeRow;
}

/** Applies the patch (or reads the row when there is nothing to change); undefined when the event has no such type. */
export async function patchTicketType(
  trx: Knex.Transaction,
  eventId: string,
  ticketTypeId: string,
  patch: Partial<TicketTypeRow>,
): Promise<TicketTypeRow | undefined> {
  const q = trx<TicketTypeRow>("ticket_types").where({ id: ticketTypeId, event_id: eventId });
  const [t] = Object.keys(patch).length ? await q.update(patch).returning("*") : await q.select("*");
  return t as TicketTypeRow | undefined;
}

export async function insertQuota(trx: Knex.Transaction, row: QuotaRow): Promise<QuotaRow> {
  const [q] = await trx<QuotaRow>("quotas").insert(row).returning("*");
  return q as QuotaRow;
}

export async function upsertSettings(db: Knex, row: SettingsRow): Promise<void> {
  await db("event_settings").insert(row).onConflict("event_id").merge();
}
