import type { Deps } from "../deps.ts";
import { sha256 } from "../secrets.ts";
import { revokeFamily, sessionByRefreshHash } from "../store/sessions.ts";

/** Ends the session (the whole family of the refresh token); unknown tokens are fine: the result is the same. */
export async function logout(deps: Pick<Deps, "db">, input: { refreshToken: string }) {
  const session = await sessionByRefreshHash(deps.db, sha256(input.refreshToken));
  if (session) await revokeFamily(deps.db, session.family_id);
  return { ok: true as const };
}
