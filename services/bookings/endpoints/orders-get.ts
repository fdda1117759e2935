import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { getOrder } from "../usecases/get-order.ts";

export const ordersGetEndpoint = (deps: Deps) => endpoint(bookings.ordersGet, async (input, ctx) => getOrder(deps, optionalCaller(ctx), input));
