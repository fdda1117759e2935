/** identity's housekeeping query: deleting rows that outlived their use, in slices. */
import type { Q } from "../store.ts";

/**
 * Deletes up to `slice` rows of `table` matching `where`; how many. RETURNING counts the same on
 * Postgres and on PGlite (whose results carry no rowCount). `table` and `where` are constants of
 * the caller, never input.
 */
export async function deleteSlice(q: Q, table: string, where: string, bindings: Date[], slice: number): Promise<number> {
  const { rows } = await q.raw(`delete from ${table} where ctid in (select ctid from ${table} where ${where} limit ${slice}) returning 1`, bindings);
  return rows.length;
}
