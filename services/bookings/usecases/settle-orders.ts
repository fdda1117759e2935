/** Payments got the money for many orders at once (its callbacks are batched): each confirmed or gone. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { confirmPaid } from "../transitions.ts";

export async function settleOrders(deps: Deps, _caller: Principal | undefined, input: RequestOf<typeof bookings.ordersSettleMany>) {
  return { results: await confirmPaid(deps, input.items) };
}
