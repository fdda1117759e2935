import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { requestRefund } from "../usecases/request-refund.ts";

export const paymentsRefundEndpoint = (deps: Deps) => endpoint(payments.refund, async (input, ctx) => requestRefund(deps, requireCaller(ctx), input));
