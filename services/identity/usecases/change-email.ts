import type { Deps } from "../deps.ts";
import { badRequest, conflict } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { verifyPassword } from "../passwords.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { assertTokenInterval } from "../tokens.ts";
import { insertToken, retireTokens } from "../store/tokens.ts";
import { accountKey, assertAllowed, clearAttempts, ipKey, recordAttempt } from "../throttle.ts";
import { contact, normalEmail, type UserRow } from "../store.ts";
import { userByEmail } from "../store/users.ts";
import { sealForMail } from "../mail-links.ts";

const EMAIL_CHANGE_TTL_MS = 24 * 3_600_000;

/** One change request a minute per account: each mails a stranger's address. */
const EMAIL_CHANGE_INTERVAL_MS = 60_000;

/**
 * Starts an email change. Nothing changes until the owner of the new address follows the link
 * mailed there (email.confirm): an address nobody proved must never receive the account's
 * mail or password resets. The caller proves with the password that the account is theirs (a
 * stolen access token alone must not be able to move it); an account without one sets one
 * first through a reset, which goes to the current address. Only the newest link works.
 */
export async function changeEmail(
  deps: Pick<Deps, "db" | "mailLinks" | "now">,
  user: UserRow,
  input: { newEmail: string; currentPassword?: string; ip?: string },
) {
  const newEmail = normalEmail(input.newEmail);
  if (newEmail === user.email) throw badRequest("newEmail: is the account's address already", [{ field: "newEmail", message: "is the current address" }]);
  if (!user.password_hash) {
    throw conflict("this account has no password to confirm the change with: set one with a password reset (it goes to the current address) first", [{
      field: "currentPassword",
      message: "no password is set",
    }]);
  }
  const keys = [accountKey(user.email), ipKey(input.ip)];
  const now = deps.now();
  await assertAllowed(deps.db, keys, now);
  if (!input.currentPassword || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordAttempt(deps.db, keys, now);
    throw badRequest("currentPassword: is not this account's password", [{
      field: "currentPassword",
      message: input.currentPassword ? "is wrong" : "is required",
    }]);
  }
  await clearAttempts(deps.db, accountKey(user.email));
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  await deps.db.transaction(async (trx) => {
    await assertTokenInterval(trx, user.id, "email_change", EMAIL_CHANGE_INTERVAL_MS, "an email change was asked for", now);
    const owner = await userByEmail(trx, newEmail);
    if (owner && owner.id !== user.id) throw conflict("an account with this email exists", [{ field: "newEmail", message: "is taken" }]);
    await retireTokens(trx, user.id, ["email_change"]);
    await insertToken(trx, { token_hash: sha256(token), user_id: user.id, purpose: "email_change", payload: newEmail, expires_at: expiresAt });
    await enqueue(trx, identityEvents.emailChangeRequested, {
      ...contact(user),
      newEmail,
      sealedToken: sealForMail(deps.mailLinks, "email_change", newEmail, token, expiresAt, now),
      expiresAt: expiresAt.toISOString(),
    }, { source: "identity" });
  });
  return { ok: true as const };
}
