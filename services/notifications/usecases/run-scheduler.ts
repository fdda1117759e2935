/**
 * The scheduler every replica runs: it sends deliveries that came due later (quiet hours ended, a
 * retry's backoff passed, a dead replica's lease ran out, a digest its timer compiled, digests.ts). Claims are leased with SKIP LOCKED,
 * so replicas share the work without sending anything twice. It also drops the sealed link
 * tokens whose seal expired (a crash between a send's mark and forgetting its token leaves one),
 * and, hourly, SMS rows past their use (a week, or the rate window if longer).
 */
import type { Deps } from "../deps.ts";
import { type Marker, sendDue } from "../sending.ts";
import { dropExpiredSeals } from "../store.ts";
import { pruneSmsMessages } from "../store/sms.ts";

/** SMS rows are kept this long (or the rate window, if longer): receipts come within hours. */
const SMS_RETAIN_S = 7 * 86_400;
const SMS_PRUNE_EVERY_MS = 3_600_000;

export function startScheduler(deps: Deps, marker: Marker, pollMs: number): { stop(): Promise<void> } {
  let running = true;
  let wake: (() => void) | undefined;
  let prunedAt = 0;
  const loop = (async () => {
    while (running) {
      await sendDue(deps, marker, {}).catch((err: unknown) => deps.log.warn({ err }, "scheduler pass failed"));
      await dropExpiredSeals(deps.db).catch((err: unknown) => deps.log.warn({ err }, "dropping expired link seals failed"));
      if (deps.sms && deps.now().getTime() - prunedAt > SMS_PRUNE_EVERY_MS) {
        prunedAt = deps.now().getTime();
        await pruneSmsMessages(deps.db, Math.max(SMS_RETAIN_S, deps.config.sms.windowS)).catch((err: unknown) =>
          deps.log.warn({ err }, "pruning SMS messages failed")
        );
      }
      if (running) await new Promise<void>((r) => ((wake = r), setTimeout(r, pollMs)));
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
