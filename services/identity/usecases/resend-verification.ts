import type { Db } from "../../kit/db.ts";
import { AppError } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { contact, type UserRow } from "../store.ts";
import { retireTokens } from "../tokens.ts";
import { newVerificationToken, VERIFY_EMAIL_TTL_MS } from "./register.ts";

/** One new link a minute: enough for "it went to spam", too slow to flood a mailbox. */
export const RESEND_INTERVAL_MS = 60_000;

/**
 * Mails a new verification link (evt.user.verification_requested). Earlier links of the account
 * stop working, so only the newest email is live. An address already verified gets nothing.
 */
export async function resendVerification(deps: { db: Db }, user: UserRow): Promise<{ sent: boolean }> {
  if (user.email_verified_at) return { sent: false };
  return deps.db.transaction(async (trx) => {
    // Serializes concurrent resends of one account, so the interval holds.
    await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [`verify:${user.id}`]);
    const last = await trx("user_tokens").where({ user_id: user.id, purpose: "verify_email" }).max({ at: "created_at" }).first();
    const wait = last?.at ? new Date(last.at).getTime() + RESEND_INTERVAL_MS - Date.now() : 0;
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError("rate_limited", `a verification email was sent less than a minute ago; retry in ${seconds} s`, { details: { retryAfterSeconds: seconds } });
    }
    await retireTokens(trx, user.id, ["verify_email"]);
    const token = await newVerificationToken(trx, user.id);
    const expiresAt = new Date(Date.now() + VERIFY_EMAIL_TTL_MS).toISOString();
    await enqueue(trx, identityEvents.verificationRequested, { ...contact(user), token, expiresAt }, { source: "identity" });
    return { sent: true };
  });
}
