import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { optionalCaller } from "../../kit/caller.ts";
import { beginPayment } from "../usecases/begin-payment.ts";

export const ordersBeginPaymentEndpoint = (deps: Deps) =>
  endpoint(bookings.ordersBeginPayment, async (input, ctx) => beginPayment(deps, optionalCaller(ctx), input));
