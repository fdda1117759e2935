/**
 * Retries refunds left pending (provider unreachable), checking get_status3 first. A row-based
 * pass (retry_at), not a timer: the provider call cannot run inside a timer's transaction on the
 * embedded database.
 */
import type { Deps } from "../deps.ts";
import { dueRefundIds } from "../store/refunds.ts";
import { processRefund } from "../refunding.ts";

export async function retryRefunds(deps: Deps, input: { batch?: number } = {}): Promise<number> {
  const due = await dueRefundIds(deps.db, deps.now(), input.batch ?? 20);
  for (const id of due) {
    await processRefund(deps, id, { checkProviderFirst: true }).catch((err: unknown) => deps.log.warn({ err, refundId: id }, "refund retry failed"));
  }
  return due.length;
}
