import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listMyOrders } from "../usecases/list-my-orders.ts";

export const ordersMineEndpoint = (deps: Deps) => endpoint(bookings.ordersMine, async (input, ctx) => listMyOrders(deps, requireCaller(ctx), input));
