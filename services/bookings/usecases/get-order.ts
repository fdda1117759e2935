/** One order, for its booker, the event's organizers or a service. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings, OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { assertCanRead, orderOrNotFound } from "../access.ts";
import { orderView } from "../store.ts";

export async function getOrder(deps: Deps, caller: Principal | undefined, input: RequestOf<typeof bookings.ordersGet>): Promise<OrderView> {
  const o = await orderOrNotFound(deps.db, input.orderId);
  await assertCanRead(deps, o, caller);
  return orderView(deps.db, o);
}
