/** A door scans a code (the event's organizers): checked in now, the first scan wins (check-ins.ts). */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { checkIn } from "../check-ins.ts";

export async function scanTicket(deps: Deps, staff: Principal, input: RequestOf<typeof bookings.checkInsScan>) {
  await organizedEvent(deps, input.eventId, staff);
  return checkIn(deps, staff, input.eventId, input.code, deps.now(), false);
}
