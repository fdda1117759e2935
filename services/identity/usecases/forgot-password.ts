import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { accountKey, assertAllowed, ipKey, recordAttempt } from "../throttle.ts";
import { contact } from "../store.ts";
import { userByEmail } from "../store/users.ts";
import { insertToken } from "../store/tokens.ts";
import { sealForMail } from "../mail-links.ts";

const RESET_TTL_MS = 60 * 60_000;

/**
 * Emits evt.user.password_reset_requested with a single-use token valid 1 hour when the email
 * belongs to an active account. Answers the same either way (no account enumeration); every
 * request counts against the account and the IP, so nobody can flood a mailbox.
 */
export async function forgotPassword(deps: Pick<Deps, "db" | "mailLinks" | "now">, input: { email: string; ip?: string }) {
  const now = deps.now();
  const keys = [accountKey(input.email), ipKey(input.ip)];
  await assertAllowed(deps.db, keys, now);
  await recordAttempt(deps.db, keys, now);
  const user = await userByEmail(deps.db, input.email);
  if (!user || user.status !== "active") return { ok: true as const };
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await deps.db.transaction(async (trx) => {
    await insertToken(trx, { token_hash: sha256(token), user_id: user.id, purpose: "password_reset", expires_at: expiresAt });
    await enqueue(trx, identityEvents.passwordResetRequested, {
      ...contact(user),
      sealedToken: sealForMail(deps.mailLinks, "password_reset", user.email, token, expiresAt, now),
      expiresAt: expiresAt.toISOString(),
    }, { source: "identity" });
  });
  return { ok: true as const };
}
