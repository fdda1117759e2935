/** Registers a device token for the caller's pushes (a token registered again moves to the caller). */
import type { Principal } from "../../../subjects/principal.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";

export async function registerDevice(deps: Pick<Deps, "db">, caller: Principal, input: RequestOf<typeof notifications.devicesRegister>): Promise<{ ok: true }> {
  await store.registerDevice(deps.db, caller.sub, input.token, input.platform);
  return { ok: true };
}
