/** The caller's latest waitlist entry for an event, with its place in the queue. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { type EntryView, latestOwnEntry } from "../waitlist.ts";

export async function getMyWaitlistEntry(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.waitlistMine>): Promise<EntryView> {
  return latestOwnEntry(deps, caller, input.eventId);
}
