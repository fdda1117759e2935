import { endpoint } from "../../kit/serve.ts";
import { notificationsSms } from "../../../subjects/notifications/sms.ts";
import type { Deps } from "../deps.ts";
import { recordSmsReceipt } from "../usecases/record-sms-receipt.ts";

/** Public: the provider calls without a principal; the signature is the authority. */
export const smsStatusEndpoint = (deps: Deps) => endpoint(notificationsSms.smsStatus, (input) => recordSmsReceipt(deps, input));
