import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listPayments } from "../usecases/list-payments.ts";

export const paymentsListEndpoint = (deps: Deps) => endpoint(payments.list, async (input, ctx) => listPayments(deps, requireCaller(ctx), input));
