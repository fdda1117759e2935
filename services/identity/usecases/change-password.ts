import { badRequest, conflict } from "../../kit/errors.ts";
import { hashPassword, verifyPassword } from "../passwords.ts";
import { type SessionDeps, signIn } from "../sessions.ts";
import { accountKey, assertAllowed, clearAttempts, ipKey, recordAttempt } from "../throttle.ts";
import type { UserRow } from "../store.ts";
import { setPasswordHash } from "../store/users.ts";
import { revokeSessions } from "../store/sessions.ts";
import { retireTokens } from "../store/tokens.ts";

/**
 * Changes a signed-in user's password. The current one must be proven (a stolen access token
 * alone must not be enough) and wrong guesses count like failed logins. Every session is
 * revoked — whoever knew the old password is logged out, and an email change they asked for
 * dies with their sessions — and the caller gets a new one, opened
 * without a second factor: holding a valid access token already took it.
 */
export async function changePassword(deps: SessionDeps, user: UserRow, input: { currentPassword: string; newPassword: string; ip?: string }) {
  const keys = [accountKey(user.email), ipKey(input.ip)];
  const now = deps.now();
  await assertAllowed(deps.db, keys, now);
  if (!user.password_hash) {
    throw conflict("this account signs in with a provider and has no password yet: set one with a password reset", [{
      field: "currentPassword",
      message: "no password is set",
    }]);
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAttempt(deps.db, keys, now);
    throw badRequest("currentPassword: is not this account's password", [{ field: "currentPassword", message: "is wrong" }]);
  }
  await clearAttempts(deps.db, accountKey(user.email));
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (trx) => {
    await setPasswordHash(trx, user.id, hash);
    await revokeSessions(trx, user.id, now);
    await retireTokens(trx, user.id, ["email_change"]);
  });
  return signIn(deps, { ...user, password_hash: hash }, { secondFactorDone: true });
}
