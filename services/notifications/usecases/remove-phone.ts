/** Forgets the caller's phone number (verified or pending): no SMS goes to them after this. */
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import * as smsStore from "../store/sms.ts";
import { phoneState } from "../phone.ts";

export async function removePhone(deps: Pick<Deps, "db" | "now" | "config">, caller: Principal) {
  await smsStore.removePhone(deps.db, caller.sub);
  return phoneState(undefined, deps.now(), deps.config.sms.codeMaxAttempts);
}
