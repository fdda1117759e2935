import type { Deps } from "../deps.ts";
import { sessionOpen } from "../store/sessions.ts";

/**
 * Whether an access token's session is open. A rotated session stays open for the access token it
 * issued (rotation is not revocation); a revoked one, one past its expiry or one of a deactivated
 * account is closed.
 */
export async function sessionActive(deps: Pick<Deps, "db" | "now">, input: { sub: string; sid: string }) {
  return { active: await sessionOpen(deps.db, input, deps.now()) };
}
