/** Adds an event the caller may see (not a draft) to their calendar feed, or takes it off. */
import { notFound } from "../../kit/errors.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { canSee } from "../access.ts";
import { addEventFollow, loadEvent, removeEventFollow } from "../store.ts";

export async function followEvent(deps: Deps, principal: Principal, eventId: string, follow: boolean): Promise<void> {
  if (!follow) return removeEventFollow(deps.db, principal.sub, eventId);
  const row = await loadEvent(deps.db, eventId);
  if (!row || row.status === "draft" || !(await canSee(deps, deps.db, row, principal))) throw notFound("event");
  await addEventFollow(deps.db, principal.sub, eventId);
}
