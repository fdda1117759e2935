/** An organizer adds a ticket type to their event. */
import { randomUUID } from "node:crypto";
import { notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings, TicketTypeView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { lockInventory, quotasOf, typesOf } from "../store.ts";
import { insertTicketType, retireDefaultType } from "../store/ticket-types.ts";
import { paidNeedsCurrency, typeColumns, typeView } from "../ticket-types.ts";

export async function createTicketType(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.ticketTypesCreate>): Promise<TicketTypeView> {
  await organizedEvent(deps, input.eventId, caller);
  if ((input.priceMinor ?? 0) > 0 && !input.currency) throw paidNeedsCurrency();
  return deps.db.transaction(async (trx) => {
    const cap = await lockInventory(trx, input.eventId);
    if (!cap) throw notFound("event");
    const quotas = await quotasOf(trx, input.eventId);
    // The organizer's first own ticket type replaces the free "General admission" made when the
    // event was first seen, as long as nobody holds one of its seats: otherwise an event sold at
    // €12.50 would also offer free seats. It becomes the type that seat-only bookings and the
    // waitlist use; the old one is hidden (not on sale), not deleted.
    const types = await typesOf(trx, input.eventId);
    const auto = types.length === 1 && types[0].is_default && types[0].taken === 0 ? types[0] : undefined;
    if (auto) await retireDefaultType(trx, auto.id);
    const t = await insertTicketType(trx, {
      id: randomUUID(),
      event_id: input.eventId,
      quota_ids: [cap.id],
      is_default: Boolean(auto),
      ...typeColumns(input, quotas),
    });
    return typeView(t, quotas);
  });
}
