/** One order, for its booker, the event's organizers or a service: one statement reads it with its lines and tickets. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings, OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../../kit/errors.ts";
import { assertCanRead } from "../access.ts";
import { viewsOf } from "../store.ts";
import { orderWithItems } from "../store/orders.ts";

export async function getOrder(deps: Deps, caller: Principal | undefined, input: RequestOf<typeof bookings.ordersGet>): Promise<OrderView> {
  const o = await orderWithItems(deps.db, input.orderId);
  if (!o) throw notFound("order");
  await assertCanRead(deps, o.order, caller);
  return viewsOf([o.order], o.lines, o.tickets)[0];
}
