import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { settle } from "../usecases/transitions.ts";

export const ordersSettleEndpoint = (deps: Deps) => endpoint(bookings.ordersSettle, async (input) => settle(deps, input.orderId, input.paymentId));
