/**
 * Single-use email tokens (user_tokens): stored as SHA-256, used up once, retired in bulk when a
 * newer link or a change of password or address makes the older ones unsafe (store/tokens.ts).
 */
import { AppError } from "../kit/errors.ts";
import { sha256 } from "./secrets.ts";
import type { Q } from "./store.ts";
import { lastTokenAtLocked, type TokenPurpose, useTokenHash } from "./store/tokens.ts";

/** The refusal of a link whose token is unknown, used or expired (400 invalid_token). */
export const invalidToken = (what: string) =>
  new AppError("invalid_token", `token: the ${what} link is unknown, used or expired`, {
    status: 400,
    details: [{ field: "token", message: "is unknown, used or expired" }],
  });

/** Uses up a token of `purpose` live at `now` (of two concurrent uses one wins); its user and payload, or undefined. */
export const useToken = (q: Q, token: string, purpose: TokenPurpose, now: Date) => useTokenHash(q, sha256(token), purpose, now);

/**
 * Refuses (429) a new token of `purpose` within `intervalMs` of the user's last one: each mails
 * an address, and nobody should be able to flood it. Takes a transaction-scoped lock on the
 * (user, purpose), so concurrent requests of one account cannot both slip through.
 */
/** Seconds to wait at `now` before a new token may follow one made at `last`, `intervalMs` apart; 0 when none. */
export function tokenIntervalWait(last: Date | undefined, intervalMs: number, now: Date): number {
  const wait = last ? last.getTime() + intervalMs - now.getTime() : 0;
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export async function assertTokenInterval(trx: Q, userId: string, purpose: TokenPurpose, intervalMs: number, what: string, now: Date): Promise<void> {
  const seconds = tokenIntervalWait(await lastTokenAtLocked(trx, userId, purpose), intervalMs, now);
  if (seconds === 0) return;
  throw new AppError("rate_limited", `${what} less than a minute ago; retry in ${seconds} s`, { details: { retryAfterSeconds: seconds } });
}
