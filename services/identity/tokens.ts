/**
 * Single-use email tokens (user_tokens): stored as SHA-256, used up once, retired in bulk when a
 * newer link or a change of password or address makes the older ones unsafe.
 */
import type { Knex } from "knex";
import { AppError } from "../kit/errors.ts";
import { sha256 } from "./secrets.ts";

/** The refusal of a link whose token is unknown, used or expired (400 invalid_token). */
export const invalidToken = (what: string) => new AppError("invalid_token", `token: the ${what} link is unknown, used or expired`, { status: 400, details: [{ field: "token", message: "is unknown, used or expired" }] });

export type TokenPurpose = "verify_email" | "password_reset" | "email_change" | "signin_totp" | "totp_enrolment";

/** Uses up a live token of `purpose` (of two concurrent uses one wins); its user and payload, or undefined. */
export async function useToken(q: Knex, token: string, purpose: TokenPurpose): Promise<{ userId: string; payload: string | null } | undefined> {
  const [row] = await q("user_tokens")
    .where({ token_hash: sha256(token), purpose })
    .whereNull("used_at")
    .andWhere("expires_at", ">", new Date())
    .update({ used_at: q.fn.now() })
    .returning(["user_id", "payload"]);
  return row ? { userId: row.user_id, payload: row.payload ?? null } : undefined;
}

/** Retires every unused token of these purposes of a user. */
export async function retireTokens(q: Knex, userId: string, purposes: TokenPurpose[]): Promise<void> {
  await q("user_tokens").where({ user_id: userId }).whereIn("purpose", purposes).whereNull("used_at").update({ used_at: q.fn.now() });
}

/**
 * Refuses (429) a new token of `purpose` within `intervalMs` of the user's last one: each mails
 * an address, and nobody should be able to flood it. Takes a transaction-scoped lock on the
 * (user, purpose), so concurrent requests of one account cannot both slip through.
 */
export async function assertTokenInterval(trx: Knex, userId: string, purpose: TokenPurpose, intervalMs: number, what: string): Promise<void> {
  await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [`${purpose}:${userId}`]);
  const last = await trx("user_tokens").where({ user_id: userId, purpose }).max({ at: "created_at" }).first();
  const wait = last?.at ? new Date(last.at).getTime() + intervalMs - Date.now() : 0;
  if (wait <= 0) return;
  const seconds = Math.ceil(wait / 1000);
  throw new AppError("rate_limited", `${what} less than a minute ago; retry in ${seconds} s`, { details: { retryAfterSeconds: seconds } });
}
