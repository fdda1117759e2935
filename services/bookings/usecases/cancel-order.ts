/** Its booker or an organizer of the event cancels an order; anyone else is told it does not exist. */
import type { OrderView } from "../../../subjects/bookings.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { cancelOrderBy } from "../transitions.ts";

export async function cancelOrder(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.ordersCancel>): Promise<OrderView> {
  return cancelOrderBy(deps, input.orderId, { kind: "principal", principal: caller });
}
