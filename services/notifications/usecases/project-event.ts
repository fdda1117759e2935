/**
 * Keeps the projection of an event (any visibility) and, when its time or status changed, the
 * reminders of its attendees: re-planned for the new start, dropped when it is off. Idempotent
 * (newer sequence wins), so it needs no processed_messages entry of its own.
 */
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import { eventRowOf } from "../event-params.ts";
import { replanEvent } from "../reminders.ts";

type Facts = Parameters<typeof eventRowOf>[0];

export async function projectEvent(deps: Deps, f: Facts): Promise<void> {
  await deps.db.transaction(async (trx) => {
    const before = await store.eventOf(trx, f.eventId);
    const row = eventRowOf(f);
    if (!(await store.upsertEvent(trx, row))) return;
    if (before && before.startsAt === row.startsAt && before.status === row.status) return;
    await replanEvent(trx, deps, f.eventId);
  });
}
