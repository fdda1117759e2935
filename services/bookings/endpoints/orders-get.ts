import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { getOrder } from "../usecases/read-orders.ts";

export const ordersGetEndpoint = (deps: Deps) => endpoint(bookings.ordersGet, async (input, ctx) => getOrder(deps, ctx.principal, input.orderId));
