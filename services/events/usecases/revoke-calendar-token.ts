/** Revokes the caller's private calendar feed token: the feed URL stops working. */
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { deleteCalendarToken } from "../store.ts";

export async function revokeCalendarToken(deps: Deps, principal: Principal): Promise<boolean> {
  return deleteCalendarToken(deps.db, principal.sub);
}
