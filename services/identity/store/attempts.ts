/** identity's queries on counted attempts (login throttling), keyed by account, IP or second factor. */
import type { Q } from "../store.ts";

/** Attempts under these keys since `since`. */
export const attemptsSince = (q: Q, keys: string[], since: Date): Promise<Array<{ key: string; at: Date }>> =>
  q("attempts").whereIn("key", keys).andWhere("at", ">", since).select("key", "at");

export async function insertAttempts(q: Q, keys: string[], at: Date): Promise<void> {
  await q("attempts").insert(keys.map((key) => ({ key, at })));
}

/** Forgets a key's attempts at or before `before` (all of them without it). */
export async function deleteAttempts(q: Q, key: string, before?: Date): Promise<void> {
  const sql = q("attempts").where({ key });
  if (before) sql.andWhere("at", "<=", before);
  await sql.delete();
}
