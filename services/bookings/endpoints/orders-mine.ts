import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { myOrders } from "../usecases/read-orders.ts";

export const ordersMineEndpoint = (deps: Deps) => endpoint(bookings.ordersMine, async (input, ctx) => myOrders(deps, callerOf(ctx), { status: input.status, cursor: input.cursor, limit: input.limit ?? 20 }));
