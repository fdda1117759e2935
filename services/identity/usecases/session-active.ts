import type { Db } from "../../kit/db.ts";

/**
 * Whether an access token's session is open. A rotated session stays open for the access token it
 * issued (rotation is not revocation); a revoked one, one past its expiry or one of a deactivated
 * account is closed.
 */
export async function sessionActive(deps: { db: Db }, input: { sub: string; sid: string }) {
  const row = await deps.db("sessions as s")
    .join("users as u", "u.id", "s.user_id")
    .where({ "s.id": input.sid, "s.user_id": input.sub, "u.status": "active" })
    .whereNull("s.revoked_at")
    .andWhere("s.expires_at", ">", new Date())
    .first("s.id");
  return { active: Boolean(row) };
}
