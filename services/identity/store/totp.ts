/** identity's queries on the second factor: TOTP secrets (sealed) on users, and recovery codes. */
import type { Q } from "../store.ts";

/** A new pending secret (sealed); two-factor stays off until a code confirms it. */
export async function setPendingSecret(q: Q, userId: string, sealed: string): Promise<void> {
  await q("users").where({ id: userId }).update({ totp_pending_secret: sealed });
}

/** Turns two-factor on with the pending secret, unless the enrolment changed meanwhile; whether it did. */
export async function enableTotp(trx: Q, userId: string, pendingSecret: string, step: number): Promise<boolean> {
  const updated = await trx("users")
    .where({ id: userId, totp_pending_secret: pendingSecret })
    .whereNull("totp_enabled_at")
    .update({ totp_secret: pendingSecret, totp_pending_secret: null, totp_enabled_at: trx.fn.now(), totp_last_step: step });
  return updated === 1;
}

/** Two-factor off: the secrets, the step and the recovery codes go. */
export async function disableTotp(trx: Q, userId: string): Promise<void> {
  await trx("users").where({ id: userId }).update({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null });
  await trx("recovery_codes").where({ user_id: userId }).delete();
}

/** The user's recovery codes become exactly these (hashed). */
export async function replaceRecoveryCodes(trx: Q, userId: string, codeHashes: string[]): Promise<void> {
  await trx("recovery_codes").where({ user_id: userId }).delete();
  await trx("recovery_codes").insert(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })));
}

/**
 * Compare-and-set of the last TOTP step used: of two concurrent uses of one code, one moves the
 * step and the other finds it moved. `resealed` replaces a secret stored under an older key.
 */
export async function advanceStep(q: Q, userId: string, step: number, resealed?: string): Promise<boolean> {
  const moved = await q("users")
    .where({ id: userId })
    .andWhere((w) => w.whereNull("totp_last_step").orWhere("totp_last_step", "<", step))
    .update({ totp_last_step: step, ...(resealed ? { totp_secret: resealed } : {}) });
  return moved === 1;
}

/** Uses up one unused recovery code matching any of `hashes`; whether one was. */
export async function useRecoveryCode(q: Q, userId: string, hashes: string[]): Promise<boolean> {
  const used = await q("recovery_codes").where({ user_id: userId }).whereIn("code_hash", hashes).whereNull("used_at").update({ used_at: q.fn.now() });
  return used === 1;
}

export type SealedSecrets = { id: string; totp_secret: string | null; totp_pending_secret: string | null };

/** Accounts holding a TOTP secret (enabled or pending), by id after `after`. */
export function secretsAfter(q: Q, after: string, limit: number): Promise<SealedSecrets[]> {
  return q("users")
    .where("id", ">", after)
    .andWhere((w) => w.whereNotNull("totp_secret").orWhereNotNull("totp_pending_secret"))
    .orderBy("id")
    .limit(limit)
    .select("id", "totp_secret", "totp_pending_secret");
}

/** Compare-and-set of resealed secrets: a sign-in that resealed (or a new enrolment) meanwhile wins. Rows changed. */
export function resealSecrets(q: Q, was: SealedSecrets, patch: Record<string, string>): Promise<number> {
  return q("users").where({ id: was.id, totp_secret: was.totp_secret, totp_pending_secret: was.totp_pending_secret }).update(patch);
}
