/** The payments service's queries (its own schema only). */
import type { Knex } from "knex";
import type { Write } from "../kit/db.ts";
import { isoOf, type Position } from "../kit/cursor.ts";
import type { PaymentView, RefundView } from "../../subjects/payments.ts";

export type PaymentRow = {
  id: string;
  order_id: string;
  event_id: string;
  user_id: string;
  organizer_id: string;
  organization_id: string | null;
  status: PaymentView["status"];
  amount_minor: number;
  currency: string;
  refunded_minor: number;
  provider: string;
  provider_payment_id: string | null;
  redirect_url: string | null;
  failure: string | null;
  card_pan: string | null;
  expires_at: Date;
  reconcile_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

export type RefundRow = {
  id: string;
  payment_id: string;
  amount_minor: number;
  status: RefundView["status"];
  reason: RefundView["reason"];
  requested_by: string | null;
  failure: string | null;
  source_key: string | null;
  retry_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

/** bigint columns come back as strings (pg) or bigint (PGlite): amounts here are safe integers. */
export function paymentOf(r: Record<string, unknown>): PaymentRow {
  return { ...(r as PaymentRow), amount_minor: Number(r.amount_minor), refunded_minor: Number(r.refunded_minor) };
}
export function refundOf(r: Record<string, unknown>): RefundRow {
  return { ...(r as RefundRow), amount_minor: Number(r.amount_minor) };
}

export async function lockPayment(trx: Knex.Transaction, id: string): Promise<PaymentRow | undefined> {
  const r = await trx("payments").where({ id }).forUpdate().first();
  return r ? paymentOf(r) : undefined;
}

export async function findPayment(db: Knex, id: string): Promise<PaymentRow | undefined> {
  const r = await db("payments").where({ id }).first();
  return r ? paymentOf(r) : undefined;
}

export async function refundsOf(db: Knex, paymentId: string): Promise<RefundRow[]> {
  return (await db("refunds").where({ payment_id: paymentId }).orderBy([{ column: "created_at" }, { column: "id" }])).map(refundOf);
}

export async function receiptNumberOf(db: Knex, paymentId: string): Promise<string | null> {
  const r = await db("receipts").where({ payment_id: paymentId }).first("number");
  return r?.number ?? null;
}

export async function eventOwnerOf(
  q: Knex,
  eventId: string,
): Promise<{ eventId: string; organizerId: string; organizationId: string | null; title: string } | undefined> {
  const r = await q("event_owners").where({ event_id: eventId }).first();
  return r && { eventId, organizerId: r.organizer_id, organizationId: r.organization_id, title: r.title };
}

/** The projection of events payments needs: who organizes an event (access, ledger) and its title (receipts). */
export async function saveEventOwner(
  q: Knex,
  e: { eventId: string; organizerId: string; organizationId: string | null; title: string },
  at: Date,
): Promise<void> {
  await q("event_owners")
    .insert({ event_id: e.eventId, organizer_id: e.organizerId, organization_id: e.organizationId, title: e.title, updated_at: at })
    .onConflict("event_id")
    .merge();
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function refundView(r: RefundRow): RefundView {
  return {
    id: r.id,
    paymentId: r.payment_id,
    amountMinor: r.amount_minor,
    status: r.status,
    reason: r.reason,
    requestedBy: r.requested_by,
    failure: r.failure,
    createdAt: iso(r.created_at),
  };
}

export function paymentView(p: PaymentRow, refunds: RefundRow[], receiptNumber: string | null): PaymentView {
  return {
    id: p.id,
    orderId: p.order_id,
    eventId: p.event_id,
    userId: p.user_id,
    status: p.status,
    amountMinor: p.amount_minor,
    currency: p.currency,
    refundedMinor: p.refunded_minor,
    provider: p.provider,
    providerPaymentId: p.provider_payment_id,
    redirectUrl: p.status === "pending" || p.status === "created" ? p.redirect_url : null,
    failure: p.failure,
    cardPan: p.card_pan,
    receiptNumber,
    refunds: refunds.map(refundView),
    expiresAt: iso(p.expires_at),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

/** A payment as its payer, organizers and admins read it: with its refunds and receipt number. */
export async function viewOfPayment(db: Knex, p: PaymentRow): Promise<PaymentView> {
  return paymentView(p, await refundsOf(db, p.id), await receiptNumberOf(db, p.id));
}

/**
 * Lists keyed by (created_at desc, id desc): a row carries its created_at as microsecond text
 * (`at`) for the kit's cursor, since a JS Date would round it and a page would skip or repeat rows.
 */
const olderThan = (
  q: Knex.QueryBuilder,
  after: Position | undefined,
) => (after ? q.whereRaw("(created_at, id) < (?::timestamptz, ?::uuid)", [after.at, after.id]) : q);
const newestFirst = [{ column: "created_at", order: "desc" as const }, { column: "id", order: "desc" as const }];

/** A page of payments (limit + 1 rows, for the kit's page()), narrowed by what is given. */
export async function paymentsPage(
  db: Knex,
  f: { userId?: string; eventId?: string; status?: PaymentRow["status"] },
  after: Position | undefined,
  limit: number,
): Promise<Array<PaymentRow & { at: string }>> {
  const q = db("payments").select("*", db.raw(`${isoOf("created_at")} as at`));
  if (f.userId) q.where({ user_id: f.userId });
  if (f.eventId) q.where({ event_id: f.eventId });
  if (f.status) q.where({ status: f.status });
  const rows = await olderThan(q, after).orderBy(newestFirst).limit(limit + 1);
  return rows.map((r: Record<string, unknown>) => ({ ...paymentOf(r), at: r.at as string }));
}

type LedgerScope = { eventId?: string; organizerId?: string };
const ledgerScope = (db: Knex, s: LedgerScope) => {
  const q = db("ledger_transactions");
  if (s.eventId) q.where({ event_id: s.eventId });
  if (s.organizerId) q.where({ organizer_id: s.organizerId });
  return q;
};

export type LedgerTransactionRow = {
  id: string;
  kind: "charge" | "refund" | "fee";
  payment_id: string;
  event_id: string;
  organizer_id: string;
  amount_minor: number | string;
  currency: string;
  created_at: Date;
  at: string;
};

/** A page of ledger transactions in a scope (limit + 1 rows), with their entries. */
export async function transactionsPage(db: Knex, scope: LedgerScope, after: Position | undefined, limit: number) {
  const txs: LedgerTransactionRow[] = await olderThan(ledgerScope(db, scope).select("*", db.raw(`${isoOf("created_at")} as at`)), after).orderBy(newestFirst)
    .limit(limit + 1);
  const ids = txs.slice(0, limit).map((t) => t.id);
  const entries: Array<{ transaction_id: string; account: string; debit_minor: number | string; credit_minor: number | string }> = ids.length
    ? await db("ledger_entries").whereIn("transaction_id", ids).orderBy("id")
    : [];
  return { txs, entries };
}

/** The balance of every account over a scope's transactions (credits minus debits), per currency. */
export async function balancesOf(db: Knex, scope: LedgerScope): Promise<Array<{ account: string; currency: string; balanceMinor: number }>> {
  const rows = await db("ledger_entries")
    .whereIn("transaction_id", ledgerScope(db, scope).select("id"))
    .groupBy("account", "currency")
    .orderBy(["account", "currency"])
    .select("account", "currency")
    .select(db.raw("sum(credit_minor) - sum(debit_minor) as balance"));
  return rows.map((b: Record<string, unknown>) => ({ account: b.account as string, currency: b.currency as string, balanceMinor: Number(b.balance) }));
}

export type SavedMethod = { id: string; name: string; last4: string | null };

export async function savedMethodsOf(db: Knex, userId: string): Promise<SavedMethod[]> {
  const rows = await db("saved_methods").where({ user_id: userId }).orderBy("created_at");
  return rows.map((s: Record<string, unknown>) => ({ id: s.id as string, name: s.name as string, last4: (s.last4 as string | null) ?? null }));
}

/** Saves a provider token for a user (the same token again renames it); the saved method. */
export async function saveMethodRow(db: Knex, m: { id: string; userId: string; token: string; name: string; last4: string | null }): Promise<SavedMethod> {
  const [row] = await db("saved_methods")
    .insert({ id: m.id, user_id: m.userId, token: m.token, name: m.name, last4: m.last4 })
    .onConflict(["user_id", "token"])
    .merge({ name: m.name, last4: m.last4 })
    .returning(["id", "name", "last4"]);
  return { id: row.id as string, name: row.name as string, last4: (row.last4 as string | null) ?? null };
}

/**
 * What paying a booking needs from payments' own tables, in one statement: the booking's live
 * payment (not failed nor cancelled: a booking has at most one) and its event's owner when the
 * projection has it (as eventOwnerOf).
 */
export async function payingContextOf(
  db: Knex,
  orderId: string,
  eventId: string,
): Promise<{
  live?: Pick<PaymentRow, "id" | "user_id" | "status" | "redirect_url">;
  owner?: { eventId: string; organizerId: string; organizationId: string | null; title: string };
}> {
  const { rows } = await db.raw(
    `select p.id, p.user_id, p.status, p.redirect_url, e.organizer_id, e.organization_id, e.title
       from (select 1) as one
       left join lateral (select id, user_id, status, redirect_url from payments where order_id = ? and status not in ('failed', 'cancelled') limit 1) p on true
       left join event_owners e on e.event_id = ?`,
    [orderId, eventId],
  ) as { rows: Array<Record<string, string | null>> };
  const r = rows[0];
  return {
    live: r.id ? { id: r.id, user_id: r.user_id!, status: r.status as PaymentRow["status"], redirect_url: r.redirect_url } : undefined,
    owner: r.organizer_id ? { eventId, organizerId: r.organizer_id, organizationId: r.organization_id, title: r.title! } : undefined,
  };
}

/** The booking's payment that can still be refunded, if any. */
export async function refundablePaymentIdOf(db: Knex, orderId: string, refundable: readonly string[]): Promise<string | undefined> {
  return (await db("payments").where({ order_id: orderId }).whereIn("status", refundable).first("id"))?.id;
}

/** A new payment's row as a write to compose with its timer and event (kit/db.ts `writeAtOnce`). */
export function paymentInsert(db: Knex, row: Record<string, unknown>): Write {
  return { statement: db("payments").insert(row) };
}

/** Writes a change to a payment (only while it has `status`, when given); stamps updated_at with `now`. */
export async function updatePayment(q: Knex, where: { id: string; status?: PaymentRow["status"] }, change: Partial<PaymentRow>, now: Date): Promise<void> {
  await q("payments").where(where).update({ ...change, updated_at: now });
}

/** Writes a change to a payment; the row as it stands after. */
export async function setStatus(trx: Knex.Transaction, p: PaymentRow, change: Partial<PaymentRow>, now: Date): Promise<PaymentRow> {
  await trx("payments").where({ id: p.id }).update({ ...change, updated_at: now });
  return { ...p, ...change, updated_at: now };
}

/** The token of a user's saved method, if it is theirs. */
export async function savedMethodToken(db: Knex, id: string, userId: string): Promise<string | undefined> {
  const saved = await db("saved_methods").where({ id, user_id: userId }).first();
  return saved?.token;
}
