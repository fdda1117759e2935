import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { receiptPdf } from "../usecases/receipts.ts";

export const receiptEndpoint = (deps: Deps) => endpoint(payments.receipt, async (input, ctx) => receiptPdf(deps, callerOf(ctx), input.paymentId));
