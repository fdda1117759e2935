import type { Db } from "../../kit/db.ts";
import { AppError, conflict } from "../../kit/errors.ts";
import { acceptedStep, newRecoveryCodes, recoveryHash } from "../totp.ts";
import type { UserRow } from "../store.ts";
import type { TotpVault } from "../totp-vault.ts";

/** Confirms enrolment with a current code: two-factor is on, and ten recovery codes are shown once. */
export async function verifyTotp(deps: { db: Db; totpVault: TotpVault }, user: UserRow, input: { code: string }) {
  if (user.totp_enabled_at) throw conflict("two-factor sign-in is already on");
  if (!user.totp_pending_secret) throw conflict("no enrolment in progress: call svc.identity.totp.enrol first");
  const step = acceptedStep(deps.totpVault.open(user.id, user.totp_pending_secret), input.code, null);
  if (step === null) throw new AppError("invalid_code", "code: is wrong or expired; check the authenticator's clock", { status: 400, details: [{ field: "code", message: "is wrong or expired" }] });
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (trx) => {
    const updated = await trx("users")
      .where({ id: user.id, totp_pending_secret: user.totp_pending_secret })
      .whereNull("totp_enabled_at")
      .update({ totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: trx.fn.now(), totp_last_step: step });
    if (updated !== 1) throw conflict("the enrolment changed meanwhile; start again");
    await trx("recovery_codes").where({ user_id: user.id }).delete();
    await trx("recovery_codes").insert(codes.map((c) => ({ user_id: user.id, code_hash: recoveryHash(user.id, c) })));
  });
  return { recoveryCodes: codes };
}
