/** The caller leaves an event's waitlist; an offer they hold ends and its seats move on. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { entryById, type EntryRow, leaveQueue, openEntryOf } from "../store/waitlist.ts";
import { endOffer, type EntryView, entryView, latestOwnEntry } from "../waitlist.ts";

export async function leaveWaitlist(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.waitlistLeave>): Promise<EntryView> {
  const now = deps.now();
  const e = await openEntryOf(deps.db, input.eventId, caller.sub);
  if (!e) return latestOwnEntry(deps, caller, input.eventId);
  const row = await deps.db.transaction(async (trx) => {
    if (e.status === "offered") return endOffer(deps, trx, e, "left", now);
    return leaveQueue(trx, e.id);
  });
  deps.flushOutbox();
  return entryView(deps.db, row ?? (await entryById(deps.db, e.id) as EntryRow));
}
