import { randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { conflict } from "../../kit/errors.ts";
import { type identity, identityEvents } from "../../../subjects/identity.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { hashPassword } from "../passwords.ts";
import { assertAllowed, ipKey, recordAttempt } from "../throttle.ts";
import { normalEmail } from "../store.ts";
import { insertUser } from "../store/users.ts";
import { assertTimeZone, newVerificationToken, rolesAtRegistration } from "../registration.ts";
import { sealForMail } from "../mail-links.ts";

/** Creates an account (the bootstrap admin address becomes admin once verified, not here). Emits evt.user.registered with the verification token, sealed. */
export async function register(deps: Pick<Deps, "db" | "bootstrapAdminEmail" | "mailLinks" | "now">, input: RequestOf<typeof identity.accountsRegister>) {
  const now = deps.now();
  await assertAllowed(deps.db, [ipKey(input.ip)], now);
  await recordAttempt(deps.db, [ipKey(input.ip)], now);
  const email = normalEmail(input.email);
  const timeZone = input.timeZone ?? "UTC";
  assertTimeZone(timeZone);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const locale = input.locale ?? "en";
  return deps.db.transaction(async (trx) => {
    const roles = await rolesAtRegistration(trx, email, deps.bootstrapAdminEmail, false);
    const inserted = await insertUser(trx, { id, email, password_hash: passwordHash, display_name: input.displayName, locale, time_zone: timeZone, roles });
    if (!inserted) throw conflict("an account with this email exists", [{ field: "email", message: "is taken" }]);
    const { token, expiresAt } = await newVerificationToken(trx, id, now);
    const sealedVerificationToken = sealForMail(deps.mailLinks, "verify_email", email, token, expiresAt, now);
    await enqueue(trx, identityEvents.userRegistered, { userId: id, email, displayName: input.displayName, locale, timeZone, roles, sealedVerificationToken }, {
      source: "identity",
    });
    return { id, email, displayName: input.displayName, roles };
  });
}
