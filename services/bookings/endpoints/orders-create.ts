import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { placeOrder } from "../usecases/place-order.ts";

export const ordersCreateEndpoint = (deps: Deps) => endpoint(bookings.ordersCreate, async (input, ctx) => placeOrder(deps, callerOf(ctx), input));
