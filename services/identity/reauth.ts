/**
 * Proof of presence for changes to how an account signs in: an access token alone (stolen from a
 * browser, a log, a proxy) must not be enough to enrol an attacker's authenticator or to turn
 * two-factor off. The caller proves the password; wrong guesses count like failed logins.
 */
import { AppError } from "../kit/errors.ts";
import { verifyPassword } from "./passwords.ts";
import { accountKey, assertAllowed, ipKey, recordAttempt } from "./throttle.ts";
import type { Q, UserRow } from "./store.ts";

export async function provePassword(db: Q, user: UserRow, password: string | undefined, ip: string | undefined, now: Date): Promise<void> {
  // REVIEW: an account that signs in only with a provider has no password to prove; it would need
  // a fresh provider sign-in (auth_time) carried by the principal.
  if (!user.password_hash) return;
  if (!password) {
    throw new AppError("reauthentication_required", "password: is required to change two-factor sign-in", {
      status: 401,
      details: [{ field: "password", message: "is required" }],
    });
  }
  const keys = [accountKey(user.email), ipKey(ip)];
  await assertAllowed(db, keys, now);
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordAttempt(db, keys, now);
    throw new AppError("reauthentication_required", "password: is not this account's password", {
      status: 401,
      details: [{ field: "password", message: "is wrong" }],
    });
  }
}
