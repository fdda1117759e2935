import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { readPayment } from "../usecases/read-payments.ts";

export const paymentsGetEndpoint = (deps: Deps) => endpoint(payments.get, async (input, ctx) => readPayment(deps, requireCaller(ctx), input.paymentId));
