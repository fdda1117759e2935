/** Marks every unread item of the caller's inbox read; how many were. */
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

export async function markAllRead(deps: Pick<Deps, "db">, caller: Principal): Promise<{ updated: number }> {
  return { updated: await store.markAllRead(deps.db, caller.sub) };
}
