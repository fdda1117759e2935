import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { createPayment } from "../usecases/create-payment.ts";

export const paymentsCreateEndpoint = (deps: Deps) => endpoint(payments.create, async (input, ctx) => createPayment(deps, requireCaller(ctx), input));
