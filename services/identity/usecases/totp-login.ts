import { AppError } from "../../kit/errors.ts";
import { challengeUser, signIn, type SessionDeps } from "../sessions.ts";
import { useSecondFactor } from "../second-factor.ts";
import { sha256 } from "../secrets.ts";
import { assertAllowed, ipKey, recordAttempt, secondFactorKey } from "../throttle.ts";
import { userById } from "../store.ts";
import type { TotpVault } from "../totp-vault.ts";

/**
 * Second step of a sign-in: the challenge from totp_required and a code. A wrong code counts
 * under the account's own second-factor key (10 per 15 minutes; a correct password does not
 * clear it) and the client IP, and leaves the challenge usable.
 */
export async function totpLogin(deps: SessionDeps & { totpVault: TotpVault }, input: { challenge: string; code: string; ip?: string }) {
  const userId = await challengeUser(deps.db, input.challenge, "signin_totp", false);
  const user = await userById(deps.db, userId);
  if (!user) throw new AppError("unauthenticated", "account not found");
  const keys = [secondFactorKey(user.id), ipKey(input.ip)];
  await assertAllowed(deps.db, keys);
  if (!(await useSecondFactor(deps.db, deps.totpVault, user, input.code))) {
    await recordAttempt(deps.db, keys);
    throw new AppError("unauthenticated", "the code is wrong, expired or already used");
  }
  const consumed = await deps.db("user_tokens").where({ token_hash: sha256(input.challenge) }).whereNull("used_at").update({ used_at: deps.db.fn.now() });
  if (consumed !== 1) throw new AppError("unauthenticated", "the sign-in challenge was already used; sign in again");
  return signIn(deps, user, { secondFactorDone: true });
}
