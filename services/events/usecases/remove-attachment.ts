/** Removes an attachment: the row and its history entry commit together, the object goes after. */
import { notFound } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { editable } from "../access.ts";
import { factsOf } from "../facts.ts";
import { attachmentOf, deleteAttachment, loadEvent, record, updateEventRow } from "../store.ts";

export async function removeAttachment(deps: Deps, principal: Principal, input: { eventId: string; attachmentId: string }): Promise<void> {
  await editable(deps, deps.db, await loadEvent(deps.db, input.eventId), principal);
  let removed = false;
  await deps.db.transaction(async (trx) => {
    const event = await loadEvent(trx, input.eventId, { forUpdate: true });
    if (!event || event.deleted_at) throw notFound("event");
    const row = await attachmentOf(trx, event.id, input.attachmentId);
    if (!row) return; // idempotent
    await deleteAttachment(trx, row.id);
    await record(trx, {
      eventId: event.id,
      actorId: principal.sub,
      action: "attachment_removed",
      changes: [{ field: "attachments", old: { id: row.id, filename: row.filename }, new: null }],
    });
    if (event.published_at !== null) await updateEventRow(trx, event.id, { sequence: event.sequence + 1, updated_at: deps.now() });
    if (event.status === "published") {
      await enqueue(trx, eventEvents.updated, { ...factsOf({ ...event, sequence: event.sequence + 1 }), changed: ["attachments"] }, { source: SOURCE });
    }
    removed = true;
  });
  if (!removed) return;
  await deps.objects.delete(`${input.eventId}/${input.attachmentId}`).catch((err: unknown) => deps.log.warn({ err }, "could not delete an attachment object"));
}
