/** The caller's notification preferences (the defaults until they saved some). */
import type { Preferences } from "../../../subjects/notifications.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

export async function getPreferences(deps: Pick<Deps, "db">, caller: Principal): Promise<Preferences> {
  return store.preferencesOf(deps.db, caller.sub);
}
