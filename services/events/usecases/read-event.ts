/**
 * Reads an event for a caller who may see it; anyone else gets not_found. A counted view raises
 * its popularity (see popularity.ts).
 */
import type { Static } from "@sinclair/typebox";
import { notFound } from "../../kit/errors.ts";
import type { EventView } from "../../../subjects/events.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { canEdit, canSee } from "../access.ts";
import { viewOf } from "../event-reply.ts";
import { loadEvent } from "../store.ts";
import { countView } from "../popularity.ts";

export async function readEvent(
  deps: Deps,
  principal: Principal | undefined,
  eventId: string,
  opts: { countView?: boolean } = {},
): Promise<Static<typeof EventView>> {
  const row = await loadEvent(deps.db, eventId);
  if (!row || !(await canSee(deps, deps.db, row, principal))) throw notFound("event");
  const editor = await canEdit(deps, row, principal);
  if (opts.countView && row.status === "published" && !editor) {
    // 0: unpublished since it was loaded; keep what was read.
    row.views = (await countView(deps, row.id)) || row.views;
  }
  return viewOf(deps, row, editor);
}
