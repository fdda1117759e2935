import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { accountKey, assertAllowed, ipKey, recordAttempt } from "../throttle.ts";
import { contact, userByEmail } from "../store.ts";
import { sealForMail, type MailLinks } from "../mail-links.ts";

export const RESET_TTL_MS = 60 * 60_000;

/**
 * Emits evt.user.password_reset_requested with a single-use token valid 1 hour when the email
 * belongs to an active account. Answers the same either way (no account enumeration); every
 * request counts against the account and the IP, so nobody can flood a mailbox.
 */
export async function forgotPassword(deps: { db: Db; mailLinks: MailLinks }, input: { email: string; ip?: string }) {
  const keys = [accountKey(input.email), ipKey(input.ip)];
  await assertAllowed(deps.db, keys);
  await recordAttempt(deps.db, keys);
  const user = await userByEmail(deps.db, input.email);
  if (!user || user.status !== "active") return { ok: true as const };
  const token = newSecret();
  const expiresAt = new Date(Date.now() + RESET_TTL_MS);
  await deps.db.transaction(async (trx) => {
    await trx("user_tokens").insert({ token_hash: sha256(token), user_id: user.id, purpose: "password_reset", expires_at: expiresAt });
    await enqueue(trx, identityEvents.passwordResetRequested, { ...contact(user), sealedToken: sealForMail(deps.mailLinks, "password_reset", user.email, token, expiresAt), expiresAt: expiresAt.toISOString() }, { source: "identity" });
  });
  return { ok: true as const };
}
