/**
 * Deletes an event: the row is kept as a tombstone (deleted_at) so its history stays readable by
 * its editors, its invites, follows and attachments go, and evt.event.deleted is emitted in the
 * same transaction. Attachment objects are removed from the Object Store after the commit.
 */
import { enqueue } from "../../kit/outbox.ts";
import { notFound } from "../../kit/errors.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { SOURCE, type Deps } from "../deps.ts";
import { editable } from "../access.ts";
import { factsOf } from "../facts.ts";
import { loadEvent, record } from "../store.ts";

export async function deleteEvent(deps: Deps, principal: Principal, eventId: string): Promise<void> {
  const current = await loadEvent(deps.db, eventId);
  if (current?.deleted_at) return; // idempotent: deleting twice is deleting once
  await editable(deps, deps.db, current, principal);
  let objects: string[] = [];
  await deps.db.transaction(async (trx) => {
    const row = await loadEvent(trx, eventId, { forUpdate: true });
    if (!row) throw notFound("event");
    if (row.deleted_at) return;
    const now = deps.now();
    const attachments: Array<{ id: string }> = await trx("attachments").where({ event_id: row.id }).select("id");
    objects = attachments.map((a) => `${row.id}/${a.id}`);
    await trx("attachments").where({ event_id: row.id }).delete();
    await trx("event_invites").where({ event_id: row.id }).delete();
    await trx("event_follows").where({ event_id: row.id }).delete();
    await trx("events").where({ id: row.id }).update({ deleted_at: now, deleted_by: principal.sub, updated_at: now, sequence: row.sequence + 1 });
    await record(trx, { eventId: row.id, actorId: principal.sub, action: "deleted", changes: [{ field: "status", old: row.status, new: "deleted" }] });
    await enqueue(trx, eventEvents.deleted, { ...factsOf({ ...row, sequence: row.sequence + 1 }), deletedBy: principal.sub }, { source: SOURCE });
  });
  for (const name of objects) {
    // REVIEW: an object whose delete fails here stays orphaned; a periodic sweep of objects without
    // an attachments row would collect it.
    await deps.objects.delete(name).catch((err: unknown) => deps.log.warn({ err, name }, "could not delete an attachment object"));
  }
}
