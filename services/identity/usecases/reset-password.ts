import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { hashPassword } from "../passwords.ts";
import { sha256 } from "../secrets.ts";
import { retirePendingEmailChanges, revokeSessions } from "../store.ts";
import { invalidToken } from "./verify-email.ts";

/**
 * Sets a new password with a reset token (once, within the hour) and revokes every session:
 * whoever knew the old password is logged out. Following the emailed link proves the address,
 * so the email counts as verified from now on.
 */
export async function resetPassword(deps: { db: Db }, input: { token: string; password: string }) {
  const hash = await hashPassword(input.password);
  await deps.db.transaction(async (trx) => {
    const [used] = await trx("user_tokens")
      .where({ token_hash: sha256(input.token), purpose: "password_reset" })
      .whereNull("used_at")
      .andWhere("expires_at", ">", new Date())
      .update({ used_at: trx.fn.now() })
      .returning("user_id");
    if (!used) throw invalidToken("password reset");
    await trx("users").where({ id: used.user_id }).update({ password_hash: hash });
    const [verified] = await trx("users").where({ id: used.user_id }).whereNull("email_verified_at").update({ email_verified_at: trx.fn.now() }).returning(["id", "email"]);
    if (verified) await enqueue(trx, identityEvents.emailVerified, { userId: verified.id, email: verified.email }, { source: "identity" });
    // Other reset links of the account die with this one.
    await trx("user_tokens").where({ user_id: used.user_id, purpose: "password_reset" }).whereNull("used_at").update({ used_at: trx.fn.now() });
    await revokeSessions(trx, used.user_id);
    await retirePendingEmailChanges(trx, used.user_id);
  });
  return { ok: true as const };
}
