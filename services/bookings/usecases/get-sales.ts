/** An event's sales for its organizers' charts (the web app's sales page). */
import type { ReplyOf, RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { salesByDay, salesByType } from "../store.ts";

export async function getSales(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.salesGet>): Promise<ReplyOf<typeof bookings.salesGet>> {
  const { eventId } = input;
  await organizedEvent(deps, eventId, caller);
  const [days, types] = await Promise.all([salesByDay(deps.db, eventId), salesByType(deps.db, eventId)]);
  return {
    eventId,
    days,
    // A hidden type that never sold (the default an organizer's own type replaced) is not a line of sales.
    ticketTypes: types.filter((t) => t.visibility === "public" || t.sold + t.held > 0).map((t) => ({
      ticketTypeId: t.id,
      name: t.name,
      quantity: t.quantity,
      sold: t.sold,
      held: t.held,
      checkedIn: t.checked_in,
      revenueMinor: Number(t.revenue),
      currency: t.currency,
    })),
  };
}
