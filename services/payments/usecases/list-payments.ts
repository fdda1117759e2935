/**
 * Payments, newest first: the caller's own; an event's, all of them to its organizers and admins
 * (the caller's own to anyone else); every payment to an admin who asks for `all`.
 */
import { forbidden } from "../../kit/errors.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import type { PaymentView } from "../../../subjects/payments.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { paymentsPage, viewOfPayment } from "../store.ts";
import { hasRole } from "../../kit/caller.ts";
import { mayManageEvent } from "../access.ts";

export async function listPayments(
  deps: Deps,
  caller: Principal,
  input: { eventId?: string; status?: PaymentView["status"]; all?: boolean; cursor?: string; limit?: number },
) {
  const limit = input.limit ?? 20;
  let userId: string | undefined = caller.sub;
  if (input.eventId) {
    if (await mayManageEvent(deps, caller, input.eventId)) userId = undefined;
  } else if (input.all) {
    if (!hasRole(caller, "admin")) throw forbidden("only admins list every payment");
    userId = undefined;
  }
  const rows = await paymentsPage(deps.db, { userId, eventId: input.eventId, status: input.status }, decodeCursor(input.cursor), limit);
  const { rows: shown, nextCursor } = page(rows, limit, (p) => ({ at: p.at, id: p.id }));
  return { items: await Promise.all(shown.map((p) => viewOfPayment(deps.db, p))), nextCursor };
}
