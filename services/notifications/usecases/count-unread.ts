/** How many items of the caller's inbox are unread (the badge). */
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

export async function countUnread(deps: Pick<Deps, "db">, caller: Principal): Promise<{ unread: number }> {
  return { unread: await store.unreadCount(deps.db, caller.sub) };
}
