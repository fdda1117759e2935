/**
 * Creates an event owned by the caller (and an organization the caller administers). A draft
 * unless `publish`; publishing emits evt.event.published in the same transaction.
 */
import { randomUUID } from "node:crypto";
import type { Static } from "@sinclair/typebox";
import { enqueue } from "../../kit/outbox.ts";
import { forbidden } from "../../kit/errors.ts";
import { eventEvents, type events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { SOURCE, type Deps } from "../deps.ts";
import { categoryError, columnsOf, normalizePatch, validate, type Fields } from "../fields.ts";
import { factsOf } from "../facts.ts";
import { insertEvent, loadEvent, record, rememberWords, setInvites, type EventRow } from "../store.ts";

export type CreateInput = Static<typeof events.create.request> & { importUid?: string };

export async function createEvent(deps: Deps, principal: Principal, input: CreateInput, opts: { action?: "created" | "imported" } = {}): Promise<EventRow> {
  const orgId = input.organizationId ?? null;
  if (orgId && !(await deps.canActForOrg(principal, orgId))) throw forbidden("only admins of the organization may create its events");
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
  const id = randomUUID();
  const publish = input.publish === true;
  try {
    await deps.db.transaction(async (trx) => {
      const now = deps.now();
      await insertEvent(trx, {
        id,
        organizer_id: principal.sub,
        organization_id: orgId,
        ...columnsOf(fields),
        status: publish ? "published" : "draft",
        import_uid: input.importUid ?? null,
        created_at: now,
        updated_at: now,
        published_at: publish ? now : null,
      });
      await setInvites(trx, id, fields.invitedUserIds);
      await rememberWords(trx, fields.title, fields.tags);
      const initial = (Object.keys(fields) as Array<keyof Fields>)
        .filter((k) => !(Array.isArray(fields[k]) ? (fields[k] as unknown[]).length === 0 : fields[k] === null || fields[k] === ""))
        .map((k) => ({ field: k, old: null, new: fields[k] }));
      await record(trx, { eventId: id, actorId: principal.sub, action: opts.action ?? "created", changes: [...initial, { field: "status", old: null, new: publish ? "published" : "draft" }] });
      if (publish) {
        const row = (await loadEvent(trx, id))!;
        await enqueue(trx, eventEvents.published, factsOf(row), { source: SOURCE });
      }
    });
  } catch (err) {
    throw categoryError(err);
  }
  return (await loadEvent(deps.db, id))!;
}
