/** A cancelled or deleted event: every live order is cancelled (full refunds through payments), one order per transaction. */
import type { Envelope } from "../../../subjects/envelope.ts";
import type { Deps } from "../deps.ts";
import { liveOrderIds } from "../store/events.ts";
import { cancelOrderBy } from "../transitions.ts";

/** Cancels every live order of a cancelled or deleted event, one order per transaction. */
export async function cancelEventOrders(deps: Deps, message: Envelope<{ eventId: string }>): Promise<number> {
  const { eventId } = message.data;
  let n = 0;
  for (;;) {
    const ids = await liveOrderIds(deps.db, eventId);
    if (ids.length === 0) return n;
    for (const id of ids) {
      await cancelOrderBy(deps, id, { kind: "event_cancelled" });
      n++;
    }
  }
}
