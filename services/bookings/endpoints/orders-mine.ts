import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { myOrders } from "../usecases/read-orders.ts";

export const ordersMineEndpoint = (deps: Deps) =>
  endpoint(
    bookings.ordersMine,
    async (input, ctx) => myOrders(deps, requireCaller(ctx), { status: input.status, cursor: input.cursor, limit: input.limit ?? 20 }),
  );
