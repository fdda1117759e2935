import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listTransactions } from "../usecases/list-transactions.ts";

export const transactionsListEndpoint = (deps: Deps) =>
  endpoint(payments.transactions, async (input, ctx) => listTransactions(deps, requireCaller(ctx), input));
