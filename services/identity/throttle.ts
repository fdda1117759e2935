/**
 * Login throttling shared by every replica: attempts are rows keyed by account and by client IP;
 * 10 in the last minute under one key refuse the next with 429 and how long to wait.
 */
import type { Knex } from "knex";
import { AppError } from "../kit/errors.ts";

export const LIMIT = 10;
export const WINDOW_MS = 60_000;

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string | undefined) => (ip ? `ip:${ip}` : undefined);

/** Seconds until the attempts at `times` (ms, any order) leave fewer than LIMIT in the window; 0 when not limited. */
export function retryAfterSeconds(times: number[], now: number): number {
  const recent = times.filter((t) => t > now - WINDOW_MS).sort((a, b) => a - b);
  if (recent.length < LIMIT) return 0;
  const unblocksAt = recent[recent.length - LIMIT] + WINDOW_MS;
  return Math.max(1, Math.ceil((unblocksAt - now) / 1000));
}

/** Throws rate_limited (429) when any of `keys` had LIMIT attempts in the last minute. */
export async function assertAllowed(db: Knex, keys: Array<string | undefined>, now = Date.now()): Promise<void> {
  const present = keys.filter((k): k is string => Boolean(k));
  if (!present.length) return;
  const rows: Array<{ key: string; at: Date }> = await db("attempts").whereIn("key", present).andWhere("at", ">", new Date(now - WINDOW_MS)).select("key", "at");
  let wait = 0;
  for (const key of present) wait = Math.max(wait, retryAfterSeconds(rows.filter((r) => r.key === key).map((r) => new Date(r.at).getTime()), now));
  if (wait > 0) throw new AppError("rate_limited", `too many attempts; try again in ${wait} s`, { status: 429, details: { retryAfterSeconds: wait } });
}

/** Counts one attempt under each key and forgets attempts that left the window. */
export async function recordAttempt(db: Knex, keys: Array<string | undefined>, now = Date.now()): Promise<void> {
  const present = keys.filter((k): k is string => Boolean(k));
  if (!present.length) return;
  await db("attempts").insert(present.map((key) => ({ key, at: new Date(now) })));
  await db("attempts").whereIn("key", present).andWhere("at", "<=", new Date(now - WINDOW_MS)).delete();
}

export async function clearAttempts(db: Knex, key: string): Promise<void> {
  await db("attempts").where({ key }).delete();
}
