import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { contact, type UserRow } from "../store.ts";
import { assertTokenInterval, retireTokens } from "../tokens.ts";
import { newVerificationToken, VERIFY_EMAIL_TTL_MS } from "../registration.ts";
import { sealForMail, type MailLinks } from "../mail-links.ts";

/** One new link a minute: enough for "it went to spam", too slow to flood a mailbox. */
export const RESEND_INTERVAL_MS = 60_000;

/**
 * Mails a new verification link (evt.user.verification_requested). Earlier links of the account
 * stop working, so only the newest email is live. An address already verified gets nothing.
 */
export async function resendVerification(deps: { db: Db; mailLinks: MailLinks }, user: UserRow): Promise<{ sent: boolean }> {
  if (user.email_verified_at) return { sent: false };
  return deps.db.transaction(async (trx) => {
    await assertTokenInterval(trx, user.id, "verify_email", RESEND_INTERVAL_MS, "a verification email was sent");
    await retireTokens(trx, user.id, ["verify_email"]);
    const token = await newVerificationToken(trx, user.id);
    const expiresAt = new Date(Date.now() + VERIFY_EMAIL_TTL_MS);
    const sealedToken = sealForMail(deps.mailLinks, "verify_email", user.email, token, expiresAt);
    await enqueue(trx, identityEvents.verificationRequested, { ...contact(user), sealedToken, expiresAt: expiresAt.toISOString() }, { source: "identity" });
    return { sent: true };
  });
}
