import type { Deps } from "../deps.ts";
import { AppError, conflict, forbidden } from "../../kit/errors.ts";
import { useSecondFactor } from "../second-factor.ts";
import type { UserRow } from "../store.ts";
import { disableTotp as clearSecondFactor } from "../store/totp.ts";
import { provePassword } from "../reauth.ts";
import { assertAllowed, ipKey, recordAttempt, secondFactorKey } from "../throttle.ts";

/**
 * Turns two-factor off with the password and a current code; an admin cannot while it is
 * required for admins. Wrong codes count under the account's second-factor key.
 */
export async function disableTotp(
  deps: Pick<Deps, "db" | "require2faForAdmins" | "totpVault" | "now">,
  user: UserRow,
  input: { code: string; password?: string; ip?: string; sessionId?: string },
) {
  if (!user.totp_enabled_at) throw conflict("two-factor sign-in is not on");
  if (deps.require2faForAdmins && user.roles.includes("admin")) throw forbidden("two-factor sign-in is required for admins (REQUIRE_2FA_FOR_ADMINS)");
  const now = deps.now();
  await provePassword(deps.db, user, input.password, input.ip, now, input.sessionId);
  const keys = [secondFactorKey(user.id), ipKey(input.ip)];
  await assertAllowed(deps.db, keys, now);
  if (!(await useSecondFactor(deps.db, deps.totpVault, user, input.code, now))) {
    await recordAttempt(deps.db, keys, now);
    throw new AppError("invalid_code", "code: is wrong, expired or already used", {
      status: 400,
      details: [{ field: "code", message: "is wrong, expired or already used" }],
    });
  }
  await deps.db.transaction((trx) => clearSecondFactor(trx, user.id));
  return { ok: true as const };
}
