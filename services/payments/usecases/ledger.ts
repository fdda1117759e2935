/**
 * The ledger: every money movement is one transaction of balanced entries (debits = credits, the
 * database checks it at commit), never updated or deleted (a trigger refuses). Accounts, per
 * currency: `provider_clearing` (money the provider holds for us), `organizer:<id>` (what we owe
 * an organizer), `provider_fees`. Balances are sums of entries, never stored.
 */
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import type { PaymentRow, RefundRow } from "../store.ts";

export const organizerAccount = (organizerId: string) => `organizer:${organizerId}`;
export const CLEARING = "provider_clearing";
export const FEES = "provider_fees";

type Entry = { account: string; debit?: number; credit?: number };

async function post(trx: Knex.Transaction, t: { kind: "charge" | "refund" | "fee"; payment: PaymentRow; refundId?: string; amount: number }, entries: Entry[]): Promise<string> {
  const id = randomUUID();
  await trx("ledger_transactions").insert({
    id,
    kind: t.kind,
    payment_id: t.payment.id,
    refund_id: t.refundId ?? null,
    event_id: t.payment.event_id,
    organizer_id: t.payment.organizer_id,
    amount_minor: t.amount,
    currency: t.payment.currency,
  });
  await trx("ledger_entries").insert(
    entries.map((e) => ({ transaction_id: id, account: e.account, currency: t.payment.currency, debit_minor: e.debit ?? 0, credit_minor: e.credit ?? 0 })),
  );
  return id;
}

/** The charge of a succeeded payment (once: a unique index), and the provider's fee when it told us. */
export async function recordCharge(trx: Knex.Transaction, payment: PaymentRow, feeMinor = 0): Promise<void> {
  const organizer = organizerAccount(payment.organizer_id);
  await post(trx, { kind: "charge", payment, amount: payment.amount_minor }, [
    { account: CLEARING, debit: payment.amount_minor },
    { account: organizer, credit: payment.amount_minor },
  ]);
  if (feeMinor > 0 && feeMinor < payment.amount_minor) {
    await post(trx, { kind: "fee", payment, amount: feeMinor }, [
      { account: organizer, debit: feeMinor },
      { account: FEES, credit: feeMinor },
    ]);
  }
}

export async function recordRefund(trx: Knex.Transaction, payment: PaymentRow, refund: RefundRow): Promise<void> {
  await post(trx, { kind: "refund", payment, refundId: refund.id, amount: refund.amount_minor }, [
    { account: organizerAccount(payment.organizer_id), debit: refund.amount_minor },
    { account: CLEARING, credit: refund.amount_minor },
  ]);
}
