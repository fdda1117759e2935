/** Forgets one of the caller's device tokens; whether there was one. */
import type { Principal } from "../../../subjects/principal.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

export async function removeDevice(
  deps: Pick<Deps, "db">,
  caller: Principal,
  input: RequestOf<typeof notifications.devicesRemove>,
): Promise<{ removed: boolean }> {
  return { removed: await store.removeDevice(deps.db, caller.sub, input.token) };
}
