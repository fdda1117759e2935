import { randomUUID } from "node:crypto";
import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { conflict } from "../../kit/errors.ts";
import { identityEvents, type identity } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { hashPassword } from "../passwords.ts";
import { assertAllowed, ipKey, recordAttempt } from "../throttle.ts";
import { normalEmail } from "../store.ts";
import { assertTimeZone, newVerificationToken, rolesAtRegistration, VERIFY_EMAIL_TTL_MS } from "../registration.ts";
import { sealForMail, type MailLinks } from "../mail-links.ts";

/** Creates an account (the bootstrap admin address becomes admin once verified, not here). Emits evt.user.registered with the verification token, sealed. */
export async function register(deps: { db: Db; bootstrapAdminEmail?: string; mailLinks: MailLinks }, input: RequestOf<typeof identity.register>) {
  await assertAllowed(deps.db, [ipKey(input.ip)]);
  await recordAttempt(deps.db, [ipKey(input.ip)]);
  const email = normalEmail(input.email);
  const timeZone = input.timeZone ?? "UTC";
  assertTimeZone(timeZone);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const locale = input.locale ?? "en";
  return deps.db.transaction(async (trx) => {
    const roles = await rolesAtRegistration(trx, email, deps.bootstrapAdminEmail, false);
    const inserted = await trx("users")
      .insert({ id, email, password_hash: passwordHash, display_name: input.displayName, locale, time_zone: timeZone, roles })
      .onConflict("email")
      .ignore()
      .returning("id");
    if (inserted.length === 0) throw conflict("an account with this email exists", [{ field: "email", message: "is taken" }]);
    const token = await newVerificationToken(trx, id);
    const sealedVerificationToken = sealForMail(deps.mailLinks, "verify_email", email, token, new Date(Date.now() + VERIFY_EMAIL_TTL_MS));
    await enqueue(trx, identityEvents.userRegistered, { userId: id, email, displayName: input.displayName, locale, timeZone, roles, sealedVerificationToken }, { source: "identity" });
    return { id, email, displayName: input.displayName, roles };
  });
}
