/** Payments got the money. Confirmed if the order still holds its seats, otherwise gone (a batch of one, with the order's view). */
import type { OrderView } from "../../../subjects/bookings.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { orderView } from "../store.ts";
import { orderOrNotFound as load } from "../access.ts";
import { confirmPaid } from "../transitions.ts";

export async function settleOrder(
  deps: Deps,
  _caller: Principal | undefined,
  input: RequestOf<typeof bookings.ordersSettle>,
): Promise<{ outcome: "confirmed" | "gone"; order: OrderView }> {
  const { orderId, paymentId } = input;
  const o = await load(deps.db, orderId);
  const [{ outcome }] = await confirmPaid(deps, [{ orderId: o.id, paymentId }]);
  return { outcome, order: await orderView(deps.db, await load(deps.db, orderId)) };
}
