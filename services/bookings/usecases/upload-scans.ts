/** Offline scans uploaded (the event's organizers), applied in the order they were made, so the earliest scan of a ticket wins. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { checkIn, type Outcome } from "../check-ins.ts";

export async function uploadScans(deps: Deps, staff: Principal, input: RequestOf<typeof bookings.checkInsUpload>) {
  await organizedEvent(deps, input.eventId, staff);
  const order = input.scans.map((s, i) => ({ ...s, i })).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const results: Outcome[] = new Array(input.scans.length);
  for (const s of order) results[s.i] = await checkIn(deps, staff, input.eventId, s.code, new Date(s.scannedAt), true);
  return { results };
}
