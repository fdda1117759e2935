/** An organizer changes one of their event's ticket types. */
import { notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings, TicketTypeView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { lockInventory, quotasOf } from "../store.ts";
import { patchTicketType } from "../store/ticket-types.ts";
import { paidNeedsCurrency, typeColumns, typeView } from "../ticket-types.ts";

export async function updateTicketType(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.ticketTypesUpdate>): Promise<TicketTypeView> {
  await organizedEvent(deps, input.eventId, caller);
  return deps.db.transaction(async (trx) => {
    await lockInventory(trx, input.eventId);
    const quotas = await quotasOf(trx, input.eventId);
    const { eventId, ticketTypeId, ...rest } = input;
    const t = await patchTicketType(trx, eventId, ticketTypeId, typeColumns(rest, quotas));
    if (!t) throw notFound("ticket type");
    if (t.price_minor > 0 && !t.currency) throw paidNeedsCurrency();
    return typeView(t, quotas);
  });
}
