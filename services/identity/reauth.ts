/**
 * Proof of presence for changes to how an account signs in: an access token alone (stolen from a
 * browser, a log, a proxy) must not be enough to enrol an attacker's authenticator or to turn
 * two-factor off. The caller proves the password; wrong guesses count like failed logins. An
 * account that signs in only with a provider has no password: its proof is a sign-in of this
 * very session (the token's `sid`) within the last REAUTH_WINDOW_MS, so a token stolen later is
 * not enough — the person signs in with the provider again and retries.
 */
import { AppError } from "../kit/errors.ts";
import { verifyPassword } from "./passwords.ts";
import { accountKey, assertAllowed, ipKey, recordAttempt } from "./throttle.ts";
import type { Q, UserRow } from "./store.ts";
import { signedInAt } from "./store/sessions.ts";

export const REAUTH_WINDOW_MS = 10 * 60_000;

/** Whether a sign-in at `signedIn` is recent enough at `now` to stand in for a password (REAUTH_WINDOW_MS, inclusive). */
export const signedInRecently = (signedIn: Date | undefined, now: Date) => signedIn !== undefined && now.getTime() - signedIn.getTime() <= REAUTH_WINDOW_MS;

export async function provePassword(db: Q, user: UserRow, password: string | undefined, ip: string | undefined, now: Date, sessionId?: string): Promise<void> {
  if (!user.password_hash) {
    const signedIn = sessionId ? await signedInAt(db, user.id, sessionId) : undefined;
    if (signedInRecently(signedIn, now)) return;
    throw new AppError("reauthentication_required", "sign in again with your provider, then retry within 10 minutes", {
      status: 401,
      details: [{ field: "sessionId", message: "the session's sign-in is older than 10 minutes" }],
    });
  }
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
