import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { listPayments } from "../usecases/read-payments.ts";

export const listEndpoint = (deps: Deps) => endpoint(payments.list, async (input, ctx) => listPayments(deps, callerOf(ctx), input));
