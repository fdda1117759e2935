import { randomUUID } from "node:crypto";
import { enqueue } from "../../kit/outbox.ts";
import { AppError, badRequest } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { OidcClient } from "../oidc.ts";
import { signIn, type SessionDeps } from "../sessions.ts";
import { ipKey, assertAllowed } from "../throttle.ts";
import { normalEmail, revokeSessions, type UserRow } from "../store.ts";
import { sha256 } from "../secrets.ts";
import { newVerificationToken, rolesAtRegistration, VERIFY_EMAIL_TTL_MS } from "../registration.ts";
import { sealForMail, type MailLinks } from "../mail-links.ts";

type Deps = SessionDeps & { oidc: OidcClient; bootstrapAdminEmail?: string; mailLinks: MailLinks };

/**
 * Finishes a provider sign-in. Finds the account linked to (provider, sub); else links the
 * account with the same email, only when the provider vouches for it (email_verified); else
 * creates one. Linking to an account whose email we never verified drops its password and
 * sessions: whoever registered it had not proven the address (pre-hijacking).
 */
export async function oidcCallback(deps: Deps, input: { state: string; code: string; verifier: string; ip?: string }) {
  await assertAllowed(deps.db, [ipKey(input.ip)]);
  // Only the client that started the sign-in holds the verifier: another one's callback finds no state.
  const [pending] = await deps.db("oidc_states").where({ state: input.state, verifier_hash: sha256(input.verifier) }).whereNull("used_at").andWhere("expires_at", ">", new Date()).update({ used_at: deps.db.fn.now() }).returning("*");
  if (!pending) throw new AppError("unauthenticated", "this sign-in is unknown, used or expired; start again");
  const provider = deps.oidc.provider(pending.provider);
  const claims = await deps.oidc.exchange(provider, { code: input.code, codeVerifier: pending.code_verifier, nonce: pending.nonce });

  const { user, newAccount } = await deps.db.transaction(async (trx) => {
    const link = await trx("oidc_links").where({ provider: provider.id, subject: claims.sub }).first("user_id");
    if (link) return { user: (await trx("users").where({ id: link.user_id }).first()) as UserRow, newAccount: false };
    if (!claims.email) throw badRequest("the sign-in provider did not share an email address");
    const email = normalEmail(claims.email);
    const existing: UserRow | undefined = await trx("users").where({ email }).forUpdate().first();
    if (existing) {
      if (!claims.emailVerified) {
        throw new AppError("oidc_email_unverified", "an account with this email exists, and the provider does not vouch for the email: sign in with your password", { status: 409 });
      }
      await trx("oidc_links").insert({ provider: provider.id, subject: claims.sub, user_id: existing.id, email });
      if (!existing.email_verified_at) {
        await trx("users").where({ id: existing.id }).update({ email_verified_at: trx.fn.now(), password_hash: null });
        await revokeSessions(trx, existing.id);
        await enqueue(trx, identityEvents.emailVerified, { userId: existing.id, email }, { source: "identity" });
      }
      return { user: (await trx("users").where({ id: existing.id }).first()) as UserRow, newAccount: false };
    }
    const id = randomUUID();
    const roles = await rolesAtRegistration(trx, email, deps.bootstrapAdminEmail, claims.emailVerified === true);
    const displayName = (claims.name ?? email.split("@")[0]).slice(0, 100) || "New user";
    const [created]: UserRow[] = await trx("users")
      .insert({ id, email, password_hash: null, display_name: displayName, roles, email_verified_at: claims.emailVerified ? trx.fn.now() : null })
      .returning("*");
    await trx("oidc_links").insert({ provider: provider.id, subject: claims.sub, user_id: id, email });
    const token = claims.emailVerified ? undefined : await newVerificationToken(trx, id);
    const sealedVerificationToken = token ? sealForMail(deps.mailLinks, "verify_email", email, token, new Date(Date.now() + VERIFY_EMAIL_TTL_MS)) : undefined;
    await enqueue(
      trx,
      identityEvents.userRegistered,
      { userId: id, email, displayName, locale: created.locale, timeZone: created.time_zone, roles, ...(sealedVerificationToken ? { sealedVerificationToken } : {}) },
      { source: "identity" },
    );
    return { user: created, newAccount: true };
  });
  return { ...(await signIn(deps, user)), newAccount };
}
