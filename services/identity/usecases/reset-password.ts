import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { hashPassword } from "../passwords.ts";
import { markEmailVerified, setPasswordHash } from "../store/users.ts";
import { revokeSessions } from "../store/sessions.ts";
import { retireTokens } from "../store/tokens.ts";
import { invalidToken, useToken } from "../tokens.ts";

/**
 * Sets a new password with a reset token (once, within the hour) and revokes every session:
 * whoever knew the old password is logged out. Following the emailed link proves the address,
 * so the email counts as verified from now on.
 */
export async function resetPassword(deps: Pick<Deps, "db" | "now">, input: { token: string; password: string }) {
  const hash = await hashPassword(input.password);
  const now = deps.now();
  await deps.db.transaction(async (trx) => {
    const used = await useToken(trx, input.token, "password_reset", now);
    if (!used) throw invalidToken("password reset");
    await setPasswordHash(trx, used.userId, hash);
    const verified = await markEmailVerified(trx, used.userId);
    if (verified) await enqueue(trx, identityEvents.emailVerified, { userId: verified.id, email: verified.email }, { source: "identity" });
    // Other reset links of the account die with this one, and an email change asked for by
    // whoever held the old password with them.
    await retireTokens(trx, used.userId, ["password_reset", "email_change"]);
    await revokeSessions(trx, used.userId, now);
  });
  return { ok: true as const };
}
