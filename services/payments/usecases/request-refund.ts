/**
 * POST /v1/payments/{id}/refund: the event's organizers and admins; the payer refunds by cancelling
 * the booking. The amount is reserved under the payment's row lock, then the provider is asked
 * (refunding.ts).
 */
import { forbidden } from "../../kit/errors.ts";
import type { RefundView } from "../../../subjects/payments.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { findPayment, refundView } from "../store.ts";
import { roleOf } from "../access.ts";
import { processRefund, reserve } from "../refunding.ts";

export async function requestRefund(deps: Deps, caller: Principal, input: { paymentId: string; amountMinor?: number }): Promise<RefundView> {
  const role = await roleOf(deps, caller, await findPayment(deps.db, input.paymentId));
  if (role === "payer") {
    // The event's refund rules (deadline, share) live with the booking: cancelling it refunds what they allow.
    throw forbidden("attendees get refunds by cancelling the booking (POST /v1/bookings/{id}/cancel), within the event's refund rules");
  }
  const refund = await reserve(deps, { paymentId: input.paymentId, amountMinor: input.amountMinor, reason: "requested", requestedBy: caller.sub });
  return refundView(await processRefund(deps, refund.id));
}
