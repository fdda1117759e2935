/**
 * The provider's result callback: the only proof of a payment. Its signature (over every field
 * received, with the script name of our URL) is its only authentication. A verified result is
 * decided by the result mailbox (result-mailbox.ts, settlement.ts) and the decision answered
 * signed; a refused one is answered signed too, and changes nothing.
 */
import { fromForm, get } from "../providers/fields.ts";
import { salt as freshSalt } from "../providers/freedompay.ts";
import type { CallbackAnswer } from "../providers/provider.ts";
import type { CallbackDeps } from "../settlement.ts";

type CallbackOutcome = { xml: string; answer: CallbackAnswer; changed: boolean; refundId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Verifies a callback and has the result mailbox decide it; answers it signed. */
export async function handleCallback(
  deps: CallbackDeps,
  input: { script: string; body: string },
): Promise<CallbackOutcome> {
  const fields = fromForm(input.body);
  const refuse = (description: string): CallbackOutcome => {
    deps.log.warn({ reason: description, orderId: get(fields, "pg_order_id"), providerPaymentId: get(fields, "pg_payment_id") }, "payment callback refused");
    const answer: CallbackAnswer = { status: "error", description, salt: get(fields, "pg_salt") ?? freshSalt() };
    return { xml: deps.provider.answerCallback(input.script, answer), answer, changed: false };
  };
  // The script name is signed over: a callback for another URL (or a forged name) cannot verify.
  if (input.script !== deps.config.callbackScript) return refuse("unknown callback URL");
  const check = deps.provider.verifyCallback(input.script, fields);
  if (!check.ok) return refuse(check.reason === "signature" ? "signature does not verify" : "malformed callback");
  const n = check.notice;
  if (!UUID.test(n.orderId)) return refuse("unknown pg_order_id");

  const decided = await deps.decide(n);
  if ("refused" in decided) return refuse(decided.refused);
  const answer: CallbackAnswer = { ...decided.answer, salt: n.salt };
  return { xml: deps.provider.answerCallback(input.script, answer), answer, changed: decided.changed, refundId: decided.refundId };
}
