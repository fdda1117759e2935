import { randomUUID } from "node:crypto";
import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { badRequest, conflict } from "../../kit/errors.ts";
import { identityEvents, type identity } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { Role } from "../../../subjects/principal.ts";
import { hashPassword } from "../passwords.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { assertAllowed, ipKey, recordAttempt } from "../throttle.ts";
import { normalEmail, sortRoles } from "../store.ts";

export const VERIFY_EMAIL_TTL_MS = 7 * 86_400_000;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

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
  await trx("user_tokens").insert({ token_hash: sha256(token), user_id: userId, purpose: "verify_email", expires_at: new Date(Date.now() + VERIFY_EMAIL_TTL_MS) });
  return token;
}

/** Creates an account; the bootstrap admin email becomes the first admin. Emits evt.user.registered with the verification token. */
export async function register(deps: { db: Db; bootstrapAdminEmail?: string }, input: RequestOf<typeof identity.register>) {
  await assertAllowed(deps.db, [ipKey(input.ip)]);
  await recordAttempt(deps.db, [ipKey(input.ip)]);
  const email = normalEmail(input.email);
  const timeZone = input.timeZone ?? "UTC";
  assertTimeZone(timeZone);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const locale = input.locale ?? "en";
  return deps.db.transaction(async (trx) => {
    const roles = await rolesAtRegistration(trx, email, deps.bootstrapAdminEmail);
    const inserted = await trx("users")
      .insert({ id, email, password_hash: passwordHash, display_name: input.displayName, locale, time_zone: timeZone, roles })
      .onConflict("email")
      .ignore()
      .returning("id");
    if (inserted.length === 0) throw conflict("an account with this email exists", [{ field: "email", message: "is taken" }]);
    const verificationToken = await newVerificationToken(trx, id);
    await enqueue(trx, identityEvents.userRegistered, { userId: id, email, displayName: input.displayName, locale, timeZone, roles, verificationToken }, { source: "identity" });
    return { id, email, displayName: input.displayName, roles };
  });
}
