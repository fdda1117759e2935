/**
 * Deletes an event: the row is kept as a tombstone (deleted_at) so its history stays readable by
 * its editors, its invites, follows and attachments go, and evt.event.deleted is emitted in the
 * same transaction. Attachment objects are removed from the Object Store after the commit.
 * Deleting a deleted event answers not_found (404), consistent with reading it.
 */
import { enqueue } from "../../kit/outbox.ts";
import { notFound } from "../../kit/errors.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { editable } from "../access.ts";
import { factsOf } from "../facts.ts";
import { loadEvent, record, softDeleteEvent } from "../store.ts";

export async function deleteEvent(deps: Deps, principal: Principal, eventId: string): Promise<void> {
  // Permission first, whatever the state: a deleted event is not_found to everyone, as GET says,
  // so a second delete by its author is a 404 and a stranger learns nothing about it.
  await editable(deps, deps.db, await loadEvent(deps.db, eventId), principal);
  let objects: string[] = [];
  await deps.db.transaction(async (trx) => {
    const row = await loadEvent(trx, eventId, { forUpdate: true });
    if (!row || row.deleted_at) throw notFound("event"); // deleted meanwhile: same answer as a repeat
    const now = deps.now();
    const attachmentIds = await softDeleteEvent(trx, row.id, { deleted_at: now, deleted_by: principal.sub, updated_at: now, sequence: row.sequence + 1 });
    objects = attachmentIds.map((a) => `${row.id}/${a}`);
    await record(trx, { eventId: row.id, actorId: principal.sub, action: "deleted", changes: [{ field: "status", old: row.status, new: "deleted" }] });
    await enqueue(trx, eventEvents.deleted, { ...factsOf({ ...row, sequence: row.sequence + 1 }), deletedBy: principal.sub }, { source: SOURCE });
  });
  for (const name of objects) {
    // REVIEW: an object whose delete fails here stays orphaned; a periodic sweep of objects without
    // an attachments row would collect it.
    await deps.objects.delete(name).catch((err: unknown) => deps.log.warn({ err, name }, "could not delete an attachment object"));
  }
}
