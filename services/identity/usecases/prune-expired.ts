/**
 * Rows that outlived their use: expired or used single-use tokens and challenges, counted login
 * attempts past their window, finished OpenID Connect states, sessions past their expiry. None
 * of them can authenticate anyone any more; left alone they would grow without end. Kept a day
 * (attempts an hour) for whoever investigates an incident. Deleted in slices, so no statement
 * holds locks for long; every replica may run it (deleting twice deletes nothing).
 */
import type { Knex } from "knex";

const DAY_MS = 86_400_000;
const SLICE = 5_000;

export async function pruneExpired(db: Knex, now = new Date()): Promise<Record<string, number>> {
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
      // RETURNING counts the same on Postgres and on PGlite (whose results carry no rowCount).
      const { rows } = await db.raw(`delete from ${table} where ctid in (select ctid from ${table} where ${where} limit ${SLICE}) returning 1`, bindings);
      deleted[table] += rows.length;
      if (rows.length < SLICE) break;
    }
  }
  return deleted;
}

/** Runs pruneExpired every `everyMs` (first run after one interval); stop() waits for a run in progress. */
export function startPruning(db: Knex, opts: { everyMs: number; onError(err: unknown): void }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = pruneExpired(db).catch(opts.onError);
  }, opts.everyMs);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
