/**
 * What registering an account involves, shared by register (password) and the OIDC callback
 * (first sign-in): the time zone check, the roles a new account gets, its verification token.
 */
import type { Knex } from "knex";
import { badRequest } from "../kit/errors.ts";
import { isTimeZone } from "../kit/time-zone.ts";
import type { Role } from "../../subjects/principal.ts";
import { newSecret, sha256 } from "./secrets.ts";
import { normalEmail, type Q, sortRoles } from "./store.ts";
import { adminExistsLocked, setRoles } from "./store/users.ts";
import { insertToken } from "./store/tokens.ts";
import { enqueue } from "../kit/outbox.ts";
import { identityEvents } from "../../subjects/identity.ts";

export const VERIFY_EMAIL_TTL_MS = 7 * 86_400_000;

export function assertTimeZone(tz: string): void {
  if (!isTimeZone(tz)) throw badRequest(`timeZone: unknown time zone ${tz}`, [{ field: "timeZone", message: "is not an IANA time zone" }]);
}

/**
 * The bootstrap address makes the first admin, and only the first: once an admin exists, an
 * address that became free again (its account moved to another email) gives nobody admin rights.
 * Only a verified address counts: registering it proves nothing (anyone can type it), so a
 * password sign-up becomes admin when it follows the verification link (promoteBootstrapAdmin),
 * and an OpenID Connect sign-up only when the provider says the address is verified.
 */
export async function rolesAtRegistration(trx: Q, email: string, bootstrapAdminEmail: string | undefined, emailVerified: boolean): Promise<Role[]> {
  if (!emailVerified || !bootstrapAdminEmail || normalEmail(bootstrapAdminEmail) !== email) return ["participant"];
  // One bootstrap at a time: two verifications racing for the first admin take turns.
  return (await adminExistsLocked(trx)) ? ["participant"] : sortRoles(["admin", "participant"]);
}

/** After an address was verified: the bootstrap address becomes the first admin (evt.user.role_changed, by itself). */
export async function promoteBootstrapAdmin(
  trx: Knex.Transaction,
  user: { id: string; email: string; roles: Role[] },
  bootstrapAdminEmail: string | undefined,
): Promise<void> {
  if (user.roles.includes("admin")) return;
  const roles = await rolesAtRegistration(trx, user.email, bootstrapAdminEmail, true);
  if (!roles.includes("admin")) return;
  await setRoles(trx, user.id, roles);
  await enqueue(trx, identityEvents.roleChanged, { userId: user.id, roles, by: user.id }, { source: "identity" });
}

/** A single-use email verification token, stored hashed; the caller seals it (mail-links.ts) into its event. */
export async function newVerificationToken(trx: Q, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + VERIFY_EMAIL_TTL_MS);
  await insertToken(trx, { token_hash: sha256(token), user_id: userId, purpose: "verify_email", expires_at: expiresAt });
  return { token, expiresAt };
}
