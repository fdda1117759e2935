import type { Db } from "../../kit/db.ts";
import { sha256 } from "../secrets.ts";

/** Ends the session (the whole family of the refresh token); unknown tokens are fine: the result is the same. */
export async function logout(deps: { db: Db }, input: { refreshToken: string }) {
  const session = await deps.db("sessions").where({ refresh_hash: sha256(input.refreshToken) }).first("family_id");
  if (session) await deps.db("sessions").where({ family_id: session.family_id }).whereNull("revoked_at").update({ revoked_at: deps.db.fn.now() });
  return { ok: true as const };
}
