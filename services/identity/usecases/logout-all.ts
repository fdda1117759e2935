import type { Deps } from "../deps.ts";
import { revokeSessions } from "../store/sessions.ts";

/** Ends every session of the caller, on every device. */
export async function logoutAll(deps: Pick<Deps, "db" | "now">, callerId: string) {
  return { revokedSessions: await revokeSessions(deps.db, callerId, deps.now()) };
}
