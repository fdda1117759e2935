import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { cancelOrder } from "../usecases/cancel-order.ts";

export const ordersCancelEndpoint = (deps: Deps) => endpoint(bookings.ordersCancel, async (input, ctx) => cancelOrder(deps, requireCaller(ctx), input));
