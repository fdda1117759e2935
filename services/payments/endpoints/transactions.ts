import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { listTransactions } from "../usecases/read-payments.ts";

export const transactionsEndpoint = (deps: Deps) => endpoint(payments.transactions, async (input, ctx) => listTransactions(deps, callerOf(ctx), input));
