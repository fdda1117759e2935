import type { Deps } from "../deps.ts";
import { AppError, conflict } from "../../kit/errors.ts";
import { acceptedStep, newRecoveryCodes, recoveryHash } from "../totp.ts";
import type { UserRow } from "../store.ts";
import { enableTotp, replaceRecoveryCodes } from "../store/totp.ts";

/** Confirms enrolment with a current code: two-factor is on, and ten recovery codes are shown once. */
export async function verifyTotp(deps: Pick<Deps, "db" | "totpVault" | "now">, user: UserRow, input: { code: string }) {
  if (user.totp_enabled_at) throw conflict("two-factor sign-in is already on");
  if (!user.totp_pending_secret) throw conflict("no enrolment in progress: call svc.identity.totp.enrol first");
  const step = acceptedStep(deps.totpVault.open(user.id, user.totp_pending_secret), input.code, null, deps.now().getTime());
  if (step === null) {
    throw new AppError("invalid_code", "code: is wrong or expired; check the authenticator's clock", {
      status: 400,
      details: [{ field: "code", message: "is wrong or expired" }],
    });
  }
  const codes = newRecoveryCodes();
  await deps.db.transaction(async (trx) => {
    const enabled = await enableTotp(trx, user.id, user.totp_pending_secret!, step);
    if (!enabled) throw conflict("the enrolment changed meanwhile; start again");
    await replaceRecoveryCodes(trx, user.id, codes.map((c) => recoveryHash(user.id, c)));
  });
  return { recoveryCodes: codes };
}
