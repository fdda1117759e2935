/** Checking a second factor: a TOTP code (each step once) or a recovery code (each once). */
import type { Knex } from "knex";
import { acceptedStep, isRecoveryCode, legacyRecoveryHash, recoveryHash } from "./totp.ts";
import type { UserRow } from "./store.ts";
import type { TotpVault } from "./totp-vault.ts";

/** True when `code` is a valid second factor of `user`; uses it up, so it never works twice. */
export async function useSecondFactor(db: Knex, vault: TotpVault, user: UserRow, code: string): Promise<boolean> {
  if (!user.totp_secret || !user.totp_enabled_at) return false;
  const trimmed = code.trim();
  if (/^[0-9]{6}$/.test(trimmed)) {
    const secret = vault.open(user.id, user.totp_secret);
    const step = acceptedStep(secret, trimmed, user.totp_last_step === null ? null : Number(user.totp_last_step));
    if (step === null) return false;
    // Compare-and-set: of two concurrent uses of one code, one moves the step and the other finds it moved.
    // A secret stored unsealed or under an older key is sealed under the current one on the way.
    const moved = await db("users")
      .where({ id: user.id })
      .andWhere((q) => q.whereNull("totp_last_step").orWhere("totp_last_step", "<", step))
      .update({ totp_last_step: step, ...(vault.current(user.totp_secret) ? {} : { totp_secret: vault.seal(user.id, secret) }) });
    return moved === 1;
  }
  if (isRecoveryCode(trimmed)) {
    const used = await db("recovery_codes")
      .where({ user_id: user.id })
      .whereIn("code_hash", [recoveryHash(user.id, trimmed), legacyRecoveryHash(trimmed)])
      .whereNull("used_at")
      .update({ used_at: db.fn.now() });
    return used === 1;
  }
  return false;
}
