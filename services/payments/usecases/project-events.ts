/** The projection of events this service needs: who organizes an event (access, ledger) and its title (receipts). */
import type { Knex } from "knex";

export async function projectEventOwner(trx: Knex, e: { eventId: string; organizerId: string; organizationId: string | null; title: string }): Promise<void> {
  await trx("event_owners")
    .insert({ event_id: e.eventId, organizer_id: e.organizerId, organization_id: e.organizationId, title: e.title, updated_at: new Date() })
    .onConflict("event_id")
    .merge();
}
