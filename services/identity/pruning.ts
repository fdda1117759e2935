/** The schedule of pruneExpired: every replica runs it on an interval (deleting twice deletes nothing). */
import type { Deps } from "./deps.ts";
import { pruneExpired } from "./usecases/prune-expired.ts";

/** Runs pruneExpired every `everyMs` (first run after one interval); stop() waits for a run in progress. */
export function startPruning(deps: Pick<Deps, "db" | "now">, opts: { everyMs: number; onError(err: unknown): void }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = pruneExpired(deps).catch(opts.onError);
  }, opts.everyMs);
  timer.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
