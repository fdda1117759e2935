/** A payment failed: the order it was paying for is cancelled and its seats released, if it still holds them for that payment. */
import type { DataOf } from "../../../subjects/contract.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import type { paymentEvents } from "../../../subjects/payments.ts";
import type { Deps } from "../deps.ts";
import { cancelOrderBy } from "../transitions.ts";

export async function releaseFailedPayment(deps: Deps, message: Envelope<DataOf<typeof paymentEvents.failed>>): Promise<void> {
  await cancelOrderBy(deps, message.data.orderId, { kind: "payment_failed", paymentId: message.data.paymentId });
}
