/**
 * Writing an event's fields, shared by the use cases that create and change events and by the
 * calendar import (which creates and changes events from a feed): the record of a new event, and
 * a change applied to a locked row. Each writes the history and the domain event in the caller's
 * transaction.
 */
import type { Knex } from "knex";
import type { Static } from "@sinclair/typebox";
import { enqueue } from "../kit/outbox.ts";
import { eventEvents, type events } from "../../subjects/events.ts";
import { SOURCE } from "./deps.ts";
import { columnsOf, diff, type Fields, fieldsOf, normalizePatch, type Patch, validate } from "./fields.ts";
import { factsOf } from "./facts.ts";
import { type Change, type EventRow, insertEvent, invitesOf, loadEvent, record, rememberWords, setInvites, updateEventRow } from "./store.ts";

/** A new event's fields from a creation request: normalized, defaults filled, validated. */
export function newFields(input: Static<typeof events.create.request>): Fields {
  const n = normalizePatch(input);
  const fields: Fields = {
    title: n.title!,
    description: n.description ?? "",
    startsAt: n.startsAt!,
    endsAt: n.endsAt!,
    timeZone: input.timeZone,
    venue: input.venue ?? null,
    onlineUrl: input.onlineUrl ?? null,
    category: input.category ?? null,
    tags: n.tags ?? [],
    capacity: input.capacity ?? null,
    visibility: input.visibility ?? "public",
    invitedUserIds: n.invitedUserIds ?? [],
  };
  validate(fields);
  return fields;
}

/** Inside the caller's transaction: a new event, a draft unless `publish` (then evt.event.published). */
export async function insertNewEvent(
  trx: Knex.Transaction,
  e: {
    id: string;
    organizerId: string;
    organizationId: string | null;
    fields: Fields;
    publish: boolean;
    importUid?: string;
    action: "created" | "imported";
    now: Date;
  },
): Promise<void> {
  const { fields, publish, now } = e;
  await insertEvent(trx, {
    id: e.id,
    organizer_id: e.organizerId,
    organization_id: e.organizationId,
    ...columnsOf(fields),
    status: publish ? "published" : "draft",
    import_uid: e.importUid ?? null,
    created_at: now,
    updated_at: now,
    published_at: publish ? now : null,
  });
  await setInvites(trx, e.id, fields.invitedUserIds);
  await rememberWords(trx, fields.title, fields.tags);
  const initial = (Object.keys(fields) as Array<keyof Fields>)
    .filter((k) => !(Array.isArray(fields[k]) ? (fields[k] as unknown[]).length === 0 : fields[k] === null || fields[k] === ""))
    .map((k) => ({ field: k, old: null, new: fields[k] }));
  await record(trx, {
    eventId: e.id,
    actorId: e.organizerId,
    action: e.action,
    changes: [...initial, { field: "status", old: null, new: publish ? "published" : "draft" }],
  });
  if (publish) await enqueue(trx, eventEvents.published, factsOf((await loadEvent(trx, e.id))!), { source: SOURCE });
}

/**
 * Inside the caller's transaction, with the row locked: applies a normalized patch and returns
 * the changes (none: nothing written). Each changed field is recorded (old → new); once an event
 * has been published its SEQUENCE rises, and a published event emits evt.event.updated listing the fields.
 */
export async function applyChanges(trx: Knex.Transaction, row: EventRow, patch: Patch, actorId: string, action: string, now: Date): Promise<Change[]> {
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
    const previous = Object.fromEntries(
      changes.filter((c) => told.includes(c.field)).map((c) => [c.field, c.old instanceof Date ? c.old.toISOString() : c.old]),
    );
    await enqueue(trx, eventEvents.updated, {
      ...factsOf(updated),
      changed: changes.map((c) => c.field),
      ...(Object.keys(previous).length ? { previous } : {}),
    }, { source: SOURCE });
  }
  return changes;
}
