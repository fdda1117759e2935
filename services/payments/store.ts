/** The payments service's queries (its own schema only). */
import type { Knex } from "knex";
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

export async function eventOwnerOf(q: Knex, eventId: string): Promise<{ eventId: string; organizerId: string; organizationId: string | null; title: string } | undefined> {
  const r = await q("event_owners").where({ event_id: eventId }).first();
  return r && { eventId, organizerId: r.organizer_id, organizationId: r.organization_id, title: r.title };
}

/** The projection of events payments needs: who organizes an event (access, ledger) and its title (receipts). */
export async function saveEventOwner(q: Knex, e: { eventId: string; organizerId: string; organizationId: string | null; title: string }, at: Date): Promise<void> {
  await q("event_owners")
    .insert({ event_id: e.eventId, organizer_id: e.organizerId, organization_id: e.organizationId, title: e.title, updated_at: at })
    .onConflict("event_id")
    .merge();
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function refundView(r: RefundRow): RefundView {
  return { id: r.id, paymentId: r.payment_id, amountMinor: r.amount_minor, status: r.status, reason: r.reason, requestedBy: r.requested_by, failure: r.failure, createdAt: iso(r.created_at) };
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

/** Keyset cursor over (created_at desc, id desc). */
export const encodeCursor = (createdAt: Date | string, id: string) => Buffer.from(JSON.stringify([iso(createdAt), id])).toString("base64url");
export function decodeCursor(c: string | undefined): [string, string] | undefined {
  if (!c) return undefined;
  try {
    const v = JSON.parse(Buffer.from(c, "base64url").toString()) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string" && !Number.isNaN(Date.parse(v[0])) && /^[0-9a-f-]{36}$/.test(v[1])) return [v[0], v[1]];
  } catch {
    /* a bad cursor is a bad request */
  }
  return undefined;
}
