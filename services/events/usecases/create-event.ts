/**
 * Creates an event owned by the caller (and an organization the caller administers). A draft
 * unless `publish`; publishing emits evt.event.published in the same transaction.
 */
import { randomUUID } from "node:crypto";
import type { Static } from "@sinclair/typebox";
import { forbidden } from "../../kit/errors.ts";
import type { events } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { categoryError } from "../fields.ts";
import { insertNewEvent, newFields } from "../editing.ts";
import { type EventRow, loadEvent } from "../store.ts";

export async function createEvent(deps: Deps, principal: Principal, input: Static<typeof events.create.request>): Promise<EventRow> {
  const orgId = input.organizationId ?? null;
  if (orgId && !(await deps.canActForOrg(principal, orgId))) throw forbidden("only admins of the organization may create its events");
  const fields = newFields(input);
  const id = randomUUID();
  try {
    await deps.db.transaction((trx) =>
      insertNewEvent(trx, {
        id,
        organizerId: principal.sub,
        organizationId: orgId,
        fields,
        publish: input.publish === true,
        action: "created",
        now: deps.now(),
      })
    );
  } catch (err) {
    throw categoryError(err);
  }
  return (await loadEvent(deps.db, id))!;
}
