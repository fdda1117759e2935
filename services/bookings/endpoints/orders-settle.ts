import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { settleOrder } from "../usecases/settle-order.ts";

export const ordersSettleEndpoint = (deps: Deps) => endpoint(bookings.ordersSettle, async (input, ctx) => settleOrder(deps, optionalCaller(ctx), input));
