import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { contact, type UserRow } from "../store.ts";
import { retireTokens } from "../store/tokens.ts";
import { assertTokenInterval } from "../tokens.ts";
import { newVerificationToken } from "../registration.ts";
import { sealForMail } from "../mail-links.ts";

/** One new link a minute: enough for "it went to spam", too slow to flood a mailbox. */
const RESEND_INTERVAL_MS = 60_000;

/**
 * Mails a new verification link (evt.user.verification_requested). Earlier links of the account
 * stop working, so only the newest email is live. An address already verified gets nothing.
 */
export async function resendVerification(deps: Pick<Deps, "db" | "mailLinks" | "now">, user: UserRow): Promise<{ sent: boolean }> {
  if (user.email_verified_at) return { sent: false };
  const now = deps.now();
  return deps.db.transaction(async (trx) => {
    await assertTokenInterval(trx, user.id, "verify_email", RESEND_INTERVAL_MS, "a verification email was sent", now);
    await retireTokens(trx, user.id, ["verify_email"]);
    const { token, expiresAt } = await newVerificationToken(trx, user.id, now);
    const sealedToken = sealForMail(deps.mailLinks, "verify_email", user.email, token, expiresAt, now);
    await enqueue(trx, identityEvents.verificationRequested, { ...contact(user), sealedToken, expiresAt: expiresAt.toISOString() }, { source: "identity" });
    return { sent: true };
  });
}
