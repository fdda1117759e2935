/**
 * Rows that outlived their use: expired or used single-use tokens and challenges, counted login
 * attempts past their window, finished OpenID Connect states, sessions past their expiry. None
 * of them can authenticate anyone any more; left alone they would grow without end. Kept a day
 * (attempts an hour) for whoever investigates an incident. Deleted in slices, so no statement
 * holds locks for long; every replica may run it (deleting twice deletes nothing).
 */
import type { Deps } from "../deps.ts";
import { deleteSlice } from "../store/maintenance.ts";

const DAY_MS = 86_400_000;
const SLICE = 5_000;

export async function pruneExpired(deps: Pick<Deps, "db" | "now">): Promise<Record<string, number>> {
  const now = deps.now();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const rules: Array<[table: string, where: string, bindings: Date[]]> = [
    ["user_tokens", "expires_at < ? or used_at < ?", [dayAgo, dayAgo]],
    ["attempts", "at < ?", [hourAgo]],
    ["oidc_states", "expires_at < ? or used_at < ?", [dayAgo, dayAgo]],
    ["sessions", "expires_at < ?", [dayAgo]],
  ];
  const deleted: Record<string, number> = {};
  for (const [table, where, bindings] of rules) {
    deleted[table] = 0;
    for (;;) {
      const n = await deleteSlice(deps.db, table, where, bindings, SLICE);
      deleted[table] += n;
      if (n < SLICE) break;
    }
  }
  return deleted;
}
