/**
 * The ledger's transactions, newest first, with the balances of their accounts: an event's to its
 * organizers and admins, an organizer's own events' (as author) to them, everything to an admin.
 */
import { forbidden } from "../../kit/errors.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { balancesOf, transactionsPage } from "../store.ts";
import { hasRole } from "../../kit/caller.ts";
import { mayManageEvent } from "../access.ts";

export async function listTransactions(deps: Deps, caller: Principal, input: { eventId?: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  let scope: { eventId?: string; organizerId?: string } = {};
  if (input.eventId) {
    if (!(await mayManageEvent(deps, caller, input.eventId))) throw forbidden("only the event's organizers and admins see its transactions");
    scope = { eventId: input.eventId };
  } else if (!hasRole(caller, "admin")) {
    // An organizer's own events (author) and those of organizations they administer are listed by event.
    scope = { organizerId: caller.sub };
  }
  const { txs, entries } = await transactionsPage(deps.db, scope, decodeCursor(input.cursor), limit);
  const { rows: shown, nextCursor } = page(txs, limit, (t) => ({ at: t.at, id: t.id }));
  return {
    items: shown.map((t) => ({
      id: t.id,
      kind: t.kind,
      paymentId: t.payment_id,
      eventId: t.event_id,
      organizerId: t.organizer_id,
      amountMinor: Number(t.amount_minor),
      currency: t.currency,
      entries: entries.filter((e) => e.transaction_id === t.id).map((e) => ({
        account: e.account,
        debitMinor: Number(e.debit_minor),
        creditMinor: Number(e.credit_minor),
      })),
      createdAt: new Date(t.created_at).toISOString(),
    })),
    nextCursor,
    balances: await balancesOf(deps.db, scope),
  };
}
