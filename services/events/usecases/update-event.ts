/**
 * Changes fields of an event. Each changed field is recorded (old → new); once an event has been
 * published its SEQUENCE rises, and a published event emits evt.event.updated listing the fields.
 */
import type { Knex } from "knex";
import { enqueue } from "../../kit/outbox.ts";
import { notFound } from "../../kit/errors.ts";
import { eventEvents } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { SOURCE, type Deps } from "../deps.ts";
import { editable } from "../access.ts";
import { categoryError, columnsOf, diff, fieldsOf, normalizePatch, validate, type Patch } from "../fields.ts";
import { factsOf } from "../facts.ts";
import { invitesOf, loadEvent, record, rememberWords, setInvites, updateEventRow, type Change, type EventRow } from "../store.ts";

export async function updateEvent(deps: Deps, principal: Principal, eventId: string, patch: Patch, opts: { action?: string } = {}): Promise<{ row: EventRow; changes: Change[] }> {
  const current = await loadEvent(deps.db, eventId);
  await editable(deps, deps.db, current, principal);
  const normalized = normalizePatch(patch);
  let changes: Change[] = [];
  try {
    await deps.db.transaction(async (trx) => {
      const row = await loadEvent(trx, eventId, { forUpdate: true });
      if (!row || row.deleted_at) throw notFound("event");
      changes = await applyChanges(trx, row, normalized, principal.sub, opts.action ?? "updated", deps.now());
    });
  } catch (err) {
    throw categoryError(err);
  }
  return { row: (await loadEvent(deps.db, eventId))!, changes };
}

/** Inside the caller's transaction, with the row locked. Returns the changes (none: nothing written). */
async function applyChanges(trx: Knex.Transaction, row: EventRow, patch: Patch, actorId: string, action: string, now: Date): Promise<Change[]> {
  const before = fieldsOf(row, await invitesOf(trx, row.id));
  const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  validate(after);
  const changes = diff(before, after);
  if (changes.length === 0) return changes;
  const bump = row.published_at !== null;
  await updateEventRow(trx, row.id, { ...columnsOf(after), updated_at: now, ...(bump ? { sequence: row.sequence + 1 } : {}) });
  if (changes.some((c) => c.field === "invitedUserIds")) await setInvites(trx, row.id, after.invitedUserIds);
  if (changes.some((c) => c.field === "title" || c.field === "tags")) await rememberWords(trx, after.title, after.tags);
  await record(trx, { eventId: row.id, actorId, action, changes });
  if (row.status === "published") {
    const updated = (await loadEvent(trx, row.id))!;
    const told = ["startsAt", "endsAt", "venue", "onlineUrl"];
    const previous = Object.fromEntries(changes.filter((c) => told.includes(c.field)).map((c) => [c.field, c.old instanceof Date ? c.old.toISOString() : c.old]));
    await enqueue(trx, eventEvents.updated, { ...factsOf(updated), changed: changes.map((c) => c.field), ...(Object.keys(previous).length ? { previous } : {}) }, { source: SOURCE });
  }
  return changes;
}
