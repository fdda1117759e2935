/** One payment, to its payer, the event's organizers and admins (access.ts); anyone else gets not_found. */
import type { PaymentView } from "../../../subjects/payments.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { findPayment, viewOfPayment } from "../store.ts";
import { roleOf } from "../access.ts";

export async function getPayment(deps: Deps, caller: Principal, input: { paymentId: string }): Promise<PaymentView> {
  const p = await findPayment(deps.db, input.paymentId);
  await roleOf(deps, caller, p);
  return viewOfPayment(deps.db, p!);
}
