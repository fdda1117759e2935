import type { Db } from "../../kit/db.ts";
import { revokeSessions } from "../store.ts";

/** Ends every session of the caller, on every device. */
export async function logoutAll(deps: { db: Db }, callerId: string) {
  return { revokedSessions: await revokeSessions(deps.db, callerId) };
}
