/**
 * Changes fields of an event. Each changed field is recorded (old → new); once an event has been
 * published its SEQUENCE rises, and a published event emits evt.event.updated listing the fields.
 */
import { notFound } from "../../kit/errors.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { editable } from "../access.ts";
import { categoryError, normalizePatch, type Patch } from "../fields.ts";
import { applyChanges } from "../editing.ts";
import { type EventRow, loadEvent } from "../store.ts";

export async function updateEvent(deps: Deps, principal: Principal, eventId: string, patch: Patch): Promise<EventRow> {
  const current = await loadEvent(deps.db, eventId);
  await editable(deps, deps.db, current, principal);
  const normalized = normalizePatch(patch);
  try {
    await deps.db.transaction(async (trx) => {
      const row = await loadEvent(trx, eventId, { forUpdate: true });
      if (!row || row.deleted_at) throw notFound("event");
      await applyChanges(trx, row, normalized, principal.sub, "updated", deps.now());
    });
  } catch (err) {
    throw categoryError(err);
  }
  return (await loadEvent(deps.db, eventId))!;
}
