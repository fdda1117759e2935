import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { getPayment } from "../usecases/get-payment.ts";

export const paymentsGetEndpoint = (deps: Deps) => endpoint(payments.get, async (input, ctx) => getPayment(deps, requireCaller(ctx), input));
