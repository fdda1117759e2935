/** The caller's phone number and where its verification stands, at the clock's time. */
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import * as smsStore from "../store/sms.ts";
import { phoneState } from "../phone.ts";

export async function getPhone(deps: Pick<Deps, "db" | "now" | "config">, caller: Principal) {
  return phoneState(await smsStore.phoneOf(deps.db, caller.sub), deps.now(), deps.config.sms.codeMaxAttempts);
}
