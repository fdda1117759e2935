/** identity's queries on single-use tokens (user_tokens), stored as SHA-256 hashes. */
import type { Q } from "../store.ts";

export type TokenPurpose = "verify_email" | "password_reset" | "email_change" | "signin_totp" | "totp_enrolment";

export async function insertToken(
  q: Q,
  row: { token_hash: string; user_id: string; purpose: TokenPurpose; expires_at: Date; payload?: string },
): Promise<void> {
  await q("user_tokens").insert(row);
}

/** Uses up a token live at `now` (of two concurrent uses one wins); its user and payload, or undefined. */
export async function useTokenHash(q: Q, tokenHash: string, purpose: TokenPurpose, now: Date): Promise<{ userId: string; payload: string | null } | undefined> {
  const [row] = await q("user_tokens")
    .where({ token_hash: tokenHash, purpose })
    .whereNull("used_at")
    .andWhere("expires_at", ">", now)
    .update({ used_at: q.fn.now() })
    .returning(["user_id", "payload"]);
  return row ? { userId: row.user_id, payload: row.payload ?? null } : undefined;
}

/** The user of a token live at `now`, leaving it usable. */
export async function liveTokenUser(q: Q, tokenHash: string, purpose: TokenPurpose, now: Date): Promise<string | undefined> {
  const row: { user_id: string } | undefined = await q("user_tokens").where({ token_hash: tokenHash, purpose }).whereNull("used_at").andWhere(
    "expires_at",
    ">",
    now,
  ).first("user_id");
  return row?.user_id;
}

/** Uses up an unused token whatever its expiry (it was checked live before); whether this call did. */
export async function consumeTokenHash(q: Q, tokenHash: string): Promise<boolean> {
  return (await q("user_tokens").where({ token_hash: tokenHash }).whereNull("used_at").update({ used_at: q.fn.now() })) === 1;
}

/** Retires every unused token of these purposes of a user. */
export async function retireTokens(q: Q, userId: string, purposes: TokenPurpose[]): Promise<void> {
  await q("user_tokens").where({ user_id: userId }).whereIn("purpose", purposes).whereNull("used_at").update({ used_at: q.fn.now() });
}

/**
 * When the user's last token of `purpose` was made, under a transaction-scoped lock on the
 * (user, purpose), so concurrent requests of one account take turns.
 */
export async function lastTokenAtLocked(trx: Q, userId: string, purpose: TokenPurpose): Promise<Date | undefined> {
  await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [`${purpose}:${userId}`]);
  const last = await trx("user_tokens").where({ user_id: userId, purpose }).max({ at: "created_at" }).first();
  return last?.at ? new Date(last.at) : undefined;
}
