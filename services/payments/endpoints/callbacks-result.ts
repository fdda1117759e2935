import { endpoint } from "../../kit/serve.ts";
import { payments } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import type { CallbackDeps } from "../settlement.ts";
import { handleCallback } from "../usecases/handle-callback.ts";
import type { ResultMailbox } from "../result-mailbox.ts";
import { paymentMetrics } from "../metrics.ts";

/** The provider's result callback, relayed by the edge's public route; no principal: the signature is the authentication. */
export const callbacksResultEndpoint = (deps: Deps, mailbox: ResultMailbox) => {
  const callbackDeps: CallbackDeps = { ...deps, decide: (n) => mailbox.apply(n) };
  return endpoint(payments.callback, async (input) => {
    const out = await handleCallback(callbackDeps, input);
    paymentMetrics().callbacks.add(1, { answer: out.answer.status, kind: out.changed ? "new" : "duplicate" });
    return { xml: out.xml };
  });
};
