/**
 * The lifecycle: draft → published → cancelled, and back to draft (unpublish) by its editors or
 * by a platform admin for moderation. Each step is recorded and emits its domain event.
 */
import { enqueue } from "../../kit/outbox.ts";
import { conflict, forbidden, notFound } from "../../kit/errors.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { SOURCE, type Deps } from "../deps.ts";
import { hasRole } from "../../kit/caller.ts";
import { canEdit, canSee, editable } from "../access.ts";
import { factsOf } from "../facts.ts";
import { loadEvent, record, updateEventRow, type EventRow } from "../store.ts";

export type Transition = { to: "published" } | { to: "draft"; reason?: string } | { to: "cancelled"; reason?: string };

export async function changeStatus(deps: Deps, principal: Principal, eventId: string, t: Transition): Promise<EventRow> {
  const current = await loadEvent(deps.db, eventId);
  if (t.to === "draft" && hasRole(principal, "admin")) {
    // Moderation: a platform admin may unpublish any event, and nothing else.
    if (!current || current.deleted_at) throw notFound("event");
  } else if (t.to === "draft" && current && !(await canEdit(deps, current, principal))) {
    if (current.deleted_at || !(await canSee(deps, deps.db, current, principal))) throw notFound("event");
    throw forbidden("only the event's editors or a platform admin may unpublish it");
  } else {
    await editable(deps, deps.db, current, principal);
  }
  await deps.db.transaction(async (trx) => {
    const row = await loadEvent(trx, eventId, { forUpdate: true });
    if (!row || row.deleted_at) throw notFound("event");
    if (row.status === t.to) return; // idempotent
    if (t.to === "published" && row.status !== "draft") throw conflict("only a draft can be published");
    if (t.to === "draft" && row.status !== "published") throw conflict("only a published event can be unpublished");
    const now = deps.now();
    const reason = "reason" in t ? (t.reason ?? null) : null;
    const bump = row.published_at !== null;
    await updateEventRow(trx, row.id, {
      status: t.to,
      updated_at: now,
      ...(bump ? { sequence: row.sequence + 1 } : {}),
      ...(t.to === "published" && row.published_at === null ? { published_at: now } : {}),
      ...(t.to === "cancelled" ? { cancelled_at: now, cancel_reason: reason } : {}),
    });
    const action = t.to === "published" ? "published" : t.to === "draft" ? "unpublished" : "cancelled";
    await record(trx, { eventId: row.id, actorId: principal.sub, action, changes: [{ field: "status", old: row.status, new: t.to }], note: reason });
    const after = (await loadEvent(trx, row.id))!;
    if (t.to === "published") await enqueue(trx, eventEvents.published, factsOf(after), { source: SOURCE });
    else if (t.to === "draft") await enqueue(trx, eventEvents.unpublished, { ...factsOf(after), by: principal.sub, ...(reason ? { reason } : {}) }, { source: SOURCE });
    else if (row.published_at !== null) await enqueue(trx, eventEvents.cancelled, { ...factsOf(after), ...(reason ? { reason } : {}) }, { source: SOURCE });
  });
  return (await loadEvent(deps.db, eventId))!;
}
