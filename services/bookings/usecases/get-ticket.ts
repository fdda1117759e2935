/** One ticket and its signed code, to its booker, the event's organizers and services. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { readableTicket } from "../tickets.ts";

export async function getTicket(deps: Deps, caller: Principal | undefined, input: RequestOf<typeof bookings.ticketsGet>) {
  return readableTicket(deps, caller, input.ticketId);
}
