/** Checking a second factor: a TOTP code (each step once) or a recovery code (each once). */
import { acceptedStep, isRecoveryCode, legacyRecoveryHash, recoveryHash } from "./totp.ts";
import type { Q, UserRow } from "./store.ts";
import { advanceStep, useRecoveryCode } from "./store/totp.ts";
import type { TotpVault } from "./totp-vault.ts";

/** True when `code` is a valid second factor of `user`; uses it up, so it never works twice. */
export async function useSecondFactor(q: Q, vault: TotpVault, user: UserRow, code: string, now: Date): Promise<boolean> {
  if (!user.totp_secret || !user.totp_enabled_at) return false;
  const trimmed = code.trim();
  if (/^[0-9]{6}$/.test(trimmed)) {
    const secret = vault.open(user.id, user.totp_secret);
    const step = acceptedStep(secret, trimmed, user.totp_last_step === null ? null : Number(user.totp_last_step), now.getTime());
    if (step === null) return false;
    // Compare-and-set: of two concurrent uses of one code, one moves the step and the other finds it moved.
    // A secret stored unsealed or under an older key is sealed under the current one on the way.
    return advanceStep(q, user.id, step, vault.current(user.totp_secret) ? undefined : vault.seal(user.id, secret));
  }
  if (isRecoveryCode(trimmed)) {
    return useRecoveryCode(q, user.id, [recoveryHash(user.id, trimmed), legacyRecoveryHash(trimmed)]);
  }
  return false;
}
