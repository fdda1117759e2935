import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { receiptPdf } from "../usecases/receipt-pdf.ts";

export const receiptsGetEndpoint = (deps: Deps) => endpoint(payments.receipt, async (input, ctx) => receiptPdf(deps, requireCaller(ctx), input.paymentId));
