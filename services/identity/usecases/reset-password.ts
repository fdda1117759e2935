import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { hashPassword } from "../passwords.ts";
import { revokeSessions } from "../store.ts";
import { invalidToken, retireTokens, useToken } from "../tokens.ts";

/**
 * Sets a new password with a reset token (once, within the hour) and revokes every session:
 * whoever knew the old password is logged out. Following the emailed link proves the address,
 * so the email counts as verified from now on.
 */
export async function resetPassword(deps: { db: Db }, input: { token: string; password: string }) {
  const hash = await hashPassword(input.password);
  await deps.db.transaction(async (trx) => {
    const used = await useToken(trx, input.token, "password_reset");
    if (!used) throw invalidToken("password reset");
    await trx("users").where({ id: used.userId }).update({ password_hash: hash });
    const [verified] = await trx("users").where({ id: used.userId }).whereNull("email_verified_at").update({ email_verified_at: trx.fn.now() }).returning(["id", "email"]);
    if (verified) await enqueue(trx, identityEvents.emailVerified, { userId: verified.id, email: verified.email }, { source: "identity" });
    // Other reset links of the account die with this one, and an email change asked for by
    // whoever held the old password with them.
    await retireTokens(trx, used.userId, ["password_reset", "email_change"]);
    await revokeSessions(trx, used.userId);
  });
  return { ok: true as const };
}
