/** Reading payments and the ledger, each caller seeing only what is theirs (see access.ts). */
import { badRequest, forbidden } from "../../kit/errors.ts";
import type { PaymentView } from "../../../subjects/payments.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { decodeCursor, encodeCursor, findPayment, paymentOf, paymentView, receiptNumberOf, refundOf, type PaymentRow } from "../store.ts";
import { isAdmin, isOrganizer, roleOf } from "../access.ts";

export async function readPayment(deps: Deps, caller: Principal, paymentId: string): Promise<PaymentView> {
  const p = await findPayment(deps.db, paymentId);
  await roleOf(deps, caller, p);
  return viewOf(deps, p!);
}

async function viewOf(deps: Deps, p: PaymentRow): Promise<PaymentView> {
  const refunds = (await deps.db("refunds").where({ payment_id: p.id }).orderBy([{ column: "created_at" }, { column: "id" }])).map(refundOf);
  return paymentView(p, refunds, await receiptNumberOf(deps.db, p.id));
}

/** Whether the caller administers the event's money (organizer side or admin). */
async function mayManageEvent(deps: Deps, caller: Principal, eventId: string): Promise<boolean> {
  if (isAdmin(caller)) return true;
  const owner = await deps.db("event_owners").where({ event_id: eventId }).first();
  if (!owner) return false;
  return isOrganizer(deps, caller, owner);
}

export async function listPayments(deps: Deps, caller: Principal, input: { eventId?: string; status?: PaymentView["status"]; all?: boolean; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const q = deps.db("payments");
  if (input.eventId) {
    if (!(await mayManageEvent(deps, caller, input.eventId))) q.where({ user_id: caller.sub });
    q.where({ event_id: input.eventId });
  } else if (input.all) {
    if (!isAdmin(caller)) throw forbidden("only admins list every payment");
  } else q.where({ user_id: caller.sub });
  if (input.status) q.where({ status: input.status });
  const after = decodeCursor(input.cursor);
  if (input.cursor && !after) throw badRequest("bad cursor", [{ field: "cursor", message: "not a cursor of this list" }]);
  if (after) q.whereRaw("(created_at, id) < (?::timestamptz, ?::uuid)", after);
  const rows = (await q.orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(limit + 1)).map(paymentOf);
  const page = rows.slice(0, limit);
  const items = await Promise.all(page.map((p) => viewOf(deps, p)));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}

export async function listTransactions(deps: Deps, caller: Principal, input: { eventId?: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const scope = deps.db("ledger_transactions");
  if (input.eventId) {
    if (!(await mayManageEvent(deps, caller, input.eventId))) throw forbidden("only the event's organizers and admins see its transactions");
    scope.where({ event_id: input.eventId });
  } else if (!isAdmin(caller)) {
    // An organizer's own events (author) and those of organizations they administer are listed by event.
    scope.where({ organizer_id: caller.sub });
  }
  const after = decodeCursor(input.cursor);
  if (input.cursor && !after) throw badRequest("bad cursor", [{ field: "cursor", message: "not a cursor of this list" }]);
  const page = scope.clone();
  if (after) page.whereRaw("(created_at, id) < (?::timestamptz, ?::uuid)", after);
  const txs = await page.orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(limit + 1);
  const shown = txs.slice(0, limit);
  const entries = shown.length ? await deps.db("ledger_entries").whereIn("transaction_id", shown.map((t: { id: string }) => t.id)).orderBy("id") : [];
  const balances = await deps.db("ledger_entries")
    .whereIn("transaction_id", scope.clone().select("id"))
    .groupBy("account", "currency")
    .orderBy(["account", "currency"])
    .select("account", "currency")
    .select(deps.db.raw("sum(credit_minor) - sum(debit_minor) as balance"));
  const last = shown[shown.length - 1];
  return {
    items: shown.map((t: Record<string, unknown>) => ({
      id: t.id as string,
      kind: t.kind as "charge" | "refund" | "fee",
      paymentId: t.payment_id as string,
      eventId: t.event_id as string,
      organizerId: t.organizer_id as string,
      amountMinor: Number(t.amount_minor),
      currency: t.currency as string,
      entries: entries
        .filter((e: { transaction_id: string }) => e.transaction_id === t.id)
        .map((e: Record<string, unknown>) => ({ account: e.account as string, debitMinor: Number(e.debit_minor), creditMinor: Number(e.credit_minor) })),
      createdAt: new Date(t.created_at as string).toISOString(),
    })),
    nextCursor: txs.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
    balances: balances.map((b: Record<string, unknown>) => ({ account: b.account as string, currency: b.currency as string, balanceMinor: Number(b.balance) })),
  };
}
