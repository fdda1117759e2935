import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { settleMany } from "../usecases/transitions.ts";

export const ordersSettleManyEndpoint = (deps: Deps) =>
  endpoint(bookings.ordersSettleMany, async (input) => ({ results: await settleMany(deps, input.items) }));
