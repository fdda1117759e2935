/** The payments service's own metrics (Prometheus through the kit's exporter). */
import { meter } from "../kit/trace.ts";

let m: ReturnType<typeof create> | undefined;
function create() {
  const mt = meter();
  return {
    callbacks: mt.createCounter("payments_callbacks", {
      description: "Provider result callbacks, by answer (ok, rejected, error) and whether they changed anything (new or duplicate).",
    }),
    reconciled: mt.createCounter("payments_reconciled", { description: "Pending payments looked up with get_status3, by what the provider said." }),
    refunds: mt.createCounter("payments_refunds", { description: "Refunds by outcome (succeeded, failed, retry)." }),
  };
}
export const paymentMetrics = () => (m ??= create());
