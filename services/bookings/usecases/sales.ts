/** An event's sales for its organizers' charts (the web app's sales page). */
import type { ReplyOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { salesByDay, salesByType } from "../store.ts";

export async function sales(deps: Deps, eventId: string): Promise<ReplyOf<typeof bookings.salesGet>> {
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
