import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { settleOrders } from "../usecases/settle-orders.ts";

export const ordersSettleManyEndpoint = (deps: Deps) =>
  endpoint(bookings.ordersSettleMany, async (input, ctx) => settleOrders(deps, optionalCaller(ctx), input));
