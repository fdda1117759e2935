import { AppError } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { challengeUser, signIn } from "../sessions.ts";
import { useSecondFactor } from "../second-factor.ts";
import { sha256 } from "../secrets.ts";
import { assertAllowed, ipKey, recordAttempt, secondFactorKey } from "../throttle.ts";
import { userById } from "../store/users.ts";
import { consumeTokenHash } from "../store/tokens.ts";

/**
 * Second step of a sign-in: the challenge from totp_required and a code. A wrong code counts
 * under the account's own second-factor key (10 per 15 minutes; a correct password does not
 * clear it) and the client IP, and leaves the challenge usable.
 */
export async function totpLogin(
  deps: Pick<Deps, "db" | "tokens" | "keys" | "require2faForAdmins" | "totpVault" | "now">,
  input: { challenge: string; code: string; ip?: string },
) {
  const now = deps.now();
  const userId = await challengeUser(deps.db, input.challenge, "signin_totp", false, now);
  const user = await userById(deps.db, userId);
  if (!user) throw new AppError("unauthenticated", "account not found");
  const keys = [secondFactorKey(user.id), ipKey(input.ip)];
  await assertAllowed(deps.db, keys, now);
  if (!(await useSecondFactor(deps.db, deps.totpVault, user, input.code, now))) {
    await recordAttempt(deps.db, keys, now);
    throw new AppError("unauthenticated", "the code is wrong, expired or already used");
  }
  if (!(await consumeTokenHash(deps.db, sha256(input.challenge)))) {
    throw new AppError("unauthenticated", "the sign-in challenge was already used; sign in again");
  }
  return signIn(deps, user, { secondFactorDone: true });
}
