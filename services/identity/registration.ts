/**
 * What registering an account involves, shared by register (password) and the OIDC callback
 * (first sign-in): the time zone check, the roles a new account gets, its verification token.
 */
import type { Db } from "../kit/db.ts";
import { badRequest } from "../kit/errors.ts";
import { isTimeZone } from "../kit/time-zone.ts";
import type { Role } from "../../subjects/principal.ts";
import { newSecret, sha256 } from "./secrets.ts";
import { normalEmail, sortRoles } from "./store.ts";

export const VERIFY_EMAIL_TTL_MS = 7 * 86_400_000;

export function assertTimeZone(tz: string): void {
  if (!isTimeZone(tz)) throw badRequest(`timeZone: unknown time zone ${tz}`, [{ field: "timeZone", message: "is not an IANA time zone" }]);
}

/**
 * The bootstrap address makes the first admin, and only the first: once an admin exists, an
 * address that became free again (its account moved to another email) gives nobody admin rights.
 */
export async function rolesAtRegistration(trx: Db, email: string, bootstrapAdminEmail: string | undefined): Promise<Role[]> {
  if (!bootstrapAdminEmail || normalEmail(bootstrapAdminEmail) !== email) return ["participant"];
  const admin = await trx("users").whereRaw("'admin' = any(roles)").first("id");
  return admin ? ["participant"] : sortRoles(["admin", "participant"]);
}

/** A single-use email verification token, stored hashed; the caller puts it in evt.user.registered. */
export async function newVerificationToken(trx: Db, userId: string): Promise<string> {
  const token = newSecret();
  await trx("user_tokens").insert({
    token_hash: sha256(token),
    user_id: userId,
    purpose: "verify_email",
    expires_at: new Date(Date.now() + VERIFY_EMAIL_TTL_MS),
  });
  return token;
}
