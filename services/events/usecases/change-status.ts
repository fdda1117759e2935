/**
 * Publishes, unpublishes or cancels an event (lifecycle.ts has the rule). Its editors take every
 * step; a platform admin may unpublish any event (moderation), and nothing else.
 */
import { forbidden, notFound } from "../../kit/errors.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { hasRole } from "../../kit/caller.ts";
import { canEdit, canSee, editable } from "../access.ts";
import { applyTransition, type Transition } from "../lifecycle.ts";
import { type EventRow, loadEvent } from "../store.ts";

export async function changeStatus(deps: Deps, principal: Principal, eventId: string, t: Transition): Promise<EventRow> {
  const current = await loadEvent(deps.db, eventId);
  if (t.to === "draft" && hasRole(principal, "admin")) {
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
    await applyTransition(trx, row, t, principal.sub, deps.now());
  });
  return (await loadEvent(deps.db, eventId))!;
}
