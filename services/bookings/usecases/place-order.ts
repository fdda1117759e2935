/** Books seats for the caller through the event's inventory owner (usecases/inventory.ts). */
import { badRequest } from "../../kit/errors.ts";
import type { bookings, OrderView } from "../../../subjects/bookings.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { viewsOf } from "../store.ts";
import type { Attendee } from "./inventory.ts";

export async function placeOrder(deps: Deps, p: Principal, input: RequestOf<typeof bookings.ordersCreate>): Promise<OrderView> {
  if (Boolean(input.items) === Boolean(input.seats)) {
    throw badRequest("give either items or seats", [{ field: "items", message: "exactly one of items and seats" }]);
  }
  const named = (input.items ?? []).every((i) => i.attendees?.length) && (input.items || input.attendees?.length);
  const fallback: Attendee = { name: named ? "Guest" : ((await deps.displayName(p)) ?? "Guest") };
  const lines = input.items
    ? input.items.map((i) => ({ ticketTypeId: i.ticketTypeId, quantity: i.quantity, attendees: i.attendees?.length ? i.attendees : [fallback] }))
    : [{ ticketTypeId: null, quantity: input.seats as number, attendees: input.attendees?.length ? input.attendees : [fallback] }];
  const { order, lines: written, tickets } = await deps.inventory.reserve({ eventId: input.eventId, userId: p.sub, lines });
  return viewsOf([order], written, tickets)[0];
}
