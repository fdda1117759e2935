/** An event's ticket types: the public ones for anyone, all of them and the quotas for its organizers. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { eventOrNotFound, organizes } from "../access.ts";
import { quotasOf, typesOf } from "../store.ts";
import { quotaView, typeView } from "../ticket-types.ts";

export async function listTicketTypes(deps: Deps, caller: Principal | undefined, input: RequestOf<typeof bookings.ticketTypesList>) {
  const organizer = await organizes(deps, await eventOrNotFound(deps, input.eventId), caller);
  const [types, quotas] = await Promise.all([typesOf(deps.db, input.eventId), quotasOf(deps.db, input.eventId)]);
  return { items: types.filter((t) => organizer || t.visibility === "public").map((t) => typeView(t, quotas)), quotas: organizer ? quotas.map(quotaView) : [] };
}
