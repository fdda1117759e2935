import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { placeOrder } from "../usecases/place-order.ts";

export const ordersCreateEndpoint = (deps: Deps) => endpoint(bookings.ordersCreate, async (input, ctx) => placeOrder(deps, requireCaller(ctx), input));
