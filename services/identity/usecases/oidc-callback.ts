import { randomUUID } from "node:crypto";
import { enqueue } from "../../kit/outbox.ts";
import { AppError, badRequest } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";
import { signIn } from "../sessions.ts";
import { assertAllowed, ipKey } from "../throttle.ts";
import { normalEmail, type UserRow } from "../store.ts";
import { insertProviderUser, lockUserByEmail, userById, verifyDroppingPassword } from "../store/users.ts";
import { revokeSessions } from "../store/sessions.ts";
import { insertLink, linkedUserId, useState } from "../store/oidc.ts";
import { sha256 } from "../secrets.ts";
import { newVerificationToken, rolesAtRegistration } from "../registration.ts";
import { sealForMail } from "../mail-links.ts";

/**
 * Finishes a provider sign-in. Finds the account linked to (provider, sub); else links the
 * account with the same email, only when the provider vouches for it (email_verified); else
 * creates one. Linking to an account whose email we never verified drops its password and
 * sessions: whoever registered it had not proven the address (pre-hijacking).
 */
export async function oidcCallback(
  deps: Pick<Deps, "db" | "tokens" | "keys" | "require2faForAdmins" | "oidc" | "bootstrapAdminEmail" | "mailLinks" | "now">,
  input: { state: string; code: string; verifier: string; ip?: string },
) {
  const now = deps.now();
  await assertAllowed(deps.db, [ipKey(input.ip)], now);
  // Only the client that started the sign-in holds the verifier: another one's callback finds no state.
  const pending = await useState(deps.db, input.state, sha256(input.verifier), now);
  if (!pending) throw new AppError("unauthenticated", "this sign-in is unknown, used or expired; start again");
  const provider = deps.oidc.provider(pending.provider);
  const claims = await deps.oidc.exchange(provider, { code: input.code, codeVerifier: pending.code_verifier, nonce: pending.nonce });

  const { user, newAccount } = await deps.db.transaction(async (trx) => {
    const linked = await linkedUserId(trx, provider.id, claims.sub);
    if (linked) return { user: (await userById(trx, linked)) as UserRow, newAccount: false };
    if (!claims.email) throw badRequest("the sign-in provider did not share an email address");
    const email = normalEmail(claims.email);
    const existing = await lockUserByEmail(trx, email);
    if (existing) {
      if (!claims.emailVerified) {
        throw new AppError(
          "oidc_email_unverified",
          "an account with this email exists, and the provider does not vouch for the email: sign in with your password",
          { status: 409 },
        );
      }
      await insertLink(trx, { provider: provider.id, subject: claims.sub, user_id: existing.id, email });
      if (!existing.email_verified_at) {
        await verifyDroppingPassword(trx, existing.id);
        await revokeSessions(trx, existing.id, now);
        await enqueue(trx, identityEvents.emailVerified, { userId: existing.id, email }, { source: "identity" });
      }
      return { user: (await userById(trx, existing.id)) as UserRow, newAccount: false };
    }
    const id = randomUUID();
    const roles = await rolesAtRegistration(trx, email, deps.bootstrapAdminEmail, claims.emailVerified === true);
    const displayName = (claims.name ?? email.split("@")[0]).slice(0, 100) || "New user";
    const created = await insertProviderUser(trx, { id, email, display_name: displayName, roles, verified: claims.emailVerified === true });
    await insertLink(trx, { provider: provider.id, subject: claims.sub, user_id: id, email });
    const verification = claims.emailVerified ? undefined : await newVerificationToken(trx, id, now);
    const sealedVerificationToken = verification
      ? sealForMail(deps.mailLinks, "verify_email", email, verification.token, verification.expiresAt, now)
      : undefined;
    await enqueue(
      trx,
      identityEvents.userRegistered,
      {
        userId: id,
        email,
        displayName,
        locale: created.locale,
        timeZone: created.time_zone,
        roles,
        ...(sealedVerificationToken ? { sealedVerificationToken } : {}),
      },
      { source: "identity" },
    );
    return { user: created, newAccount: true };
  });
  return { ...(await signIn(deps, user)), newAccount };
}
