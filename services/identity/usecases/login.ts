import { AppError } from "../../kit/errors.ts";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "../passwords.ts";
import { type SessionDeps, signIn } from "../sessions.ts";
import { accountKey, assertAllowed, clearAttempts, ipKey, recordAttempt } from "../throttle.ts";
import { replacePasswordHash, userByEmail } from "../store/users.ts";

const denied = () => new AppError("unauthenticated", "email or password is wrong");

/**
 * Email and password: throttled per account and per client IP (10 failures a minute → 429),
 * the same answer for an unknown email and a wrong password, rehash when parameters rose.
 */
export async function login(deps: SessionDeps, input: { email: string; password: string; ip?: string }) {
  const keys = [accountKey(input.email), ipKey(input.ip)];
  const now = deps.now();
  await assertAllowed(deps.db, keys, now);
  const user = await userByEmail(deps.db, input.email);
  if (!user || !user.password_hash) {
    // Spend the same time as a real check, so timing does not reveal which emails exist.
    await verifyPassword(await decoyHash, input.password);
    await recordAttempt(deps.db, keys, now);
    throw denied();
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordAttempt(deps.db, keys, now);
    throw denied();
  }
  await clearAttempts(deps.db, accountKey(input.email));
  if (needsRehash(user.password_hash)) {
    const rehashed = await hashPassword(input.password);
    await replacePasswordHash(deps.db, user.id, user.password_hash, rehashed);
  }
  return signIn(deps, user);
}
