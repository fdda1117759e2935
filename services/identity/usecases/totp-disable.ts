import type { Db } from "../../kit/db.ts";
import { AppError, conflict, forbidden } from "../../kit/errors.ts";
import { useSecondFactor } from "../second-factor.ts";
import type { TotpVault } from "../totp-vault.ts";
import type { UserRow } from "../store.ts";
import { provePassword } from "../reauth.ts";
import { assertAllowed, ipKey, recordAttempt, secondFactorKey } from "../throttle.ts";

/**
 * Turns two-factor off with the password and a current code; an admin cannot while it is
 * required for admins. Wrong codes count under the account's second-factor key.
 */
export async function disableTotp(deps: { db: Db; require2faForAdmins: boolean; totpVault: TotpVault }, user: UserRow, input: { code: string; password: string; ip?: string }) {
  if (!user.totp_enabled_at) throw conflict("two-factor sign-in is not on");
  if (deps.require2faForAdmins && user.roles.includes("admin")) throw forbidden("two-factor sign-in is required for admins (REQUIRE_2FA_FOR_ADMINS)");
  await provePassword(deps.db, user, input.password, input.ip);
  const keys = [secondFactorKey(user.id), ipKey(input.ip)];
  await assertAllowed(deps.db, keys);
  if (!(await useSecondFactor(deps.db, deps.totpVault, user, input.code))) {
    await recordAttempt(deps.db, keys);
    throw new AppError("invalid_code", "code: is wrong, expired or already used", { status: 400, details: [{ field: "code", message: "is wrong, expired or already used" }] });
  }
  await deps.db.transaction(async (trx) => {
    await trx("users").where({ id: user.id }).update({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null });
    await trx("recovery_codes").where({ user_id: user.id }).delete();
  });
  return { ok: true as const };
}
