/** The caller takes the seats offered to them: the offer becomes an order (answered again as that order once accepted). */
import { AppError } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings, OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { type OrderRow, orderView } from "../store.ts";
import { orderById } from "../store/tickets.ts";
import { ownEntry } from "../waitlist.ts";

export async function acceptWaitlistOffer(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.waitlistAccept>): Promise<OrderView> {
  const e = await ownEntry(deps, caller, input.entryId);
  if (e.status === "accepted" && e.order_id) {
    const o = await orderById(deps.db, e.order_id);
    return orderView(deps.db, o as OrderRow);
  }
  if (e.status !== "offered" || (e.offer_expires_at && new Date(e.offer_expires_at) <= deps.now())) {
    throw new AppError("offer_expired", "the offer is no longer open", { status: 409 });
  }
  const { order } = await deps.inventory.reserve({
    eventId: e.event_id,
    userId: caller.sub,
    waitlistEntryId: e.id,
    lines: [{ ticketTypeId: null, quantity: e.seats, attendees: [{ name: (await deps.displayName(caller)) ?? "Guest" }] }],
  });
  return orderView(deps.db, order);
}
