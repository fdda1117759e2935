/**
 * Login throttling shared by every replica: attempts are rows keyed by account and by client IP;
 * 10 in the last minute under one key refuse the next with 429 and how long to wait.
 *
 * Second-factor failures count under their own key (`2fa:<user id>`) over a longer window, and a
 * correct password never clears it: otherwise a loop of "right password, 9 wrong codes" would
 * guess a 6-digit code without ever being locked.
 */
import { AppError } from "../kit/errors.ts";
import { clientBucket } from "../kit/client-ip.ts";
import type { Q } from "./store.ts";
import { attemptsSince, deleteAttempts, insertAttempts } from "./store/attempts.ts";

export const LIMIT = 10;
export const WINDOW_MS = 60_000;
/** Wrong second factors: 10 per 15 minutes (under 1,000 guesses a day at 3 live codes of 10^6). */
export const SECOND_FACTOR_WINDOW_MS = 15 * 60_000;

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
/** Per client: an IPv6 address counts under its /64. */
export const ipKey = (ip: string | undefined) => (ip ? `ip:${clientBucket(ip)}` : undefined);
export const secondFactorKey = (userId: string) => `2fa:${userId}`;

/** The window of a key (second-factor keys have the long one). */
const windowOf = (key: string) => (key.startsWith("2fa:") ? SECOND_FACTOR_WINDOW_MS : WINDOW_MS);

/** Seconds until the attempts at `times` (ms, any order) leave fewer than LIMIT in the window; 0 when not limited. */
export function retryAfterSeconds(times: number[], now: number, windowMs = WINDOW_MS): number {
  const recent = times.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  if (recent.length < LIMIT) return 0;
  const unblocksAt = recent[recent.length - LIMIT] + windowMs;
  return Math.max(1, Math.ceil((unblocksAt - now) / 1000));
}

/** Seconds to wait before the next attempt under any of `keys`, given their recorded attempts; 0 when none is limited. Each key has its own window. */
export function waitSeconds(keys: string[], attempts: Array<{ key: string; at: Date | string }>, now: number): number {
  let wait = 0;
  for (const key of keys) {
    wait = Math.max(wait, retryAfterSeconds(attempts.filter((r) => r.key === key).map((r) => new Date(r.at).getTime()), now, windowOf(key)));
  }
  return wait;
}

/** Throws rate_limited (429) when any of `keys` had LIMIT attempts in its window. */
export async function assertAllowed(db: Q, keys: Array<string | undefined>, at: Date): Promise<void> {
  const now = at.getTime();
  const present = keys.filter((k): k is string => Boolean(k));
  if (!present.length) return;
  const longest = Math.max(...present.map(windowOf));
  const wait = waitSeconds(present, await attemptsSince(db, present, new Date(now - longest)), now);
  if (wait > 0) throw new AppError("rate_limited", `too many attempts; try again in ${wait} s`, { status: 429, details: { retryAfterSeconds: wait } });
}

/** Counts one attempt under each key and forgets attempts that left the window. */
export async function recordAttempt(db: Q, keys: Array<string | undefined>, at: Date): Promise<void> {
  const now = at.getTime();
  const present = keys.filter((k): k is string => Boolean(k));
  if (!present.length) return;
  await insertAttempts(db, present, at);
  for (const key of present) await deleteAttempts(db, key, new Date(now - windowOf(key)));
}

export async function clearAttempts(db: Q, key: string): Promise<void> {
  await deleteAttempts(db, key);
}
