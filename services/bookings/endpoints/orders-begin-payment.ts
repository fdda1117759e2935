import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { beginPayment } from "../usecases/transitions.ts";

export const ordersBeginPaymentEndpoint = (deps: Deps) =>
  endpoint(bookings.ordersBeginPayment, async (input) => beginPayment(deps, input.orderId, input.paymentId));
