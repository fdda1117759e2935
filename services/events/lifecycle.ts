/**
 * The lifecycle of an event, shared by the status use cases (publish, unpublish, cancel) and the
 * calendar import (a feed that cancels an event): draft → published → cancelled, and back to
 * draft (unpublish) from published. Each step is recorded and emits its domain event.
 */
import type { Knex } from "knex";
import { enqueue } from "../kit/outbox.ts";
import { conflict } from "../kit/errors.ts";
import { eventEvents } from "../../subjects/events.ts";
import { SOURCE } from "./deps.ts";
import { factsOf } from "./facts.ts";
import { type EventRow, loadEvent, record, updateEventRow } from "./store.ts";

export type Transition = { to: "published" } | { to: "draft"; reason?: string } | { to: "cancelled"; reason?: string };

/**
 * The rule of a step from the row's status at `now`: the columns it writes and the action the
 * history records, undefined when the event is there already (a repeat changes nothing), a
 * conflict when the step is not allowed. Once an event has been published, calendars hold it:
 * every later step raises its SEQUENCE; it is stamped published once, the first time.
 */
export function transitionOf(row: Pick<EventRow, "status" | "published_at" | "sequence">, t: Transition, now: Date) {
  if (row.status === t.to) return undefined;
  if (t.to === "published" && row.status !== "draft") throw conflict("only a draft can be published");
  if (t.to === "draft" && row.status !== "published") throw conflict("only a published event can be unpublished");
  const reason = "reason" in t ? (t.reason ?? null) : null;
  const patch = {
    status: t.to,
    updated_at: now,
    ...(row.published_at !== null ? { sequence: row.sequence + 1 } : {}),
    ...(t.to === "published" && row.published_at === null ? { published_at: now } : {}),
    ...(t.to === "cancelled" ? { cancelled_at: now, cancel_reason: reason } : {}),
  };
  const action = t.to === "published" ? "published" : t.to === "draft" ? "unpublished" : "cancelled";
  return { patch, action, reason } as const;
}

/**
 * Takes the step inside the caller's transaction, the row locked: writes it, records it and
 * emits its fact (a cancelled event that was never published tells nobody). Whether it changed anything.
 */
export async function applyTransition(trx: Knex.Transaction, row: EventRow, t: Transition, actorId: string, now: Date): Promise<boolean> {
  const step = transitionOf(row, t, now);
  if (!step) return false;
  const { patch, action, reason } = step;
  await updateEventRow(trx, row.id, patch);
  await record(trx, { eventId: row.id, actorId, action, changes: [{ field: "status", old: row.status, new: t.to }], note: reason });
  const after = (await loadEvent(trx, row.id))!;
  if (t.to === "published") await enqueue(trx, eventEvents.published, factsOf(after), { source: SOURCE });
  else if (t.to === "draft") await enqueue(trx, eventEvents.unpublished, { ...factsOf(after), by: actorId, ...(reason ? { reason } : {}) }, { source: SOURCE });
  else if (row.published_at !== null) await enqueue(trx, eventEvents.cancelled, { ...factsOf(after), ...(reason ? { reason } : {}) }, { source: SOURCE });
  return true;
}
