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

async function post(
  trx: Knex.Transaction,
  t: { kind: "charge" | "refund" | "fee"; payment: PaymentRow; refundId?: string; amount: number },
  entries: Entry[],
): Promise<string> {
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

export type NewLedgerTransaction = {
  id: string;
  kind: "charge" | "fee";
  payment_id: string;
  refund_id: null;
  event_id: string;
  organizer_id: string;
  amount_minor: number;
  currency: string;
};
export type NewLedgerEntry = { transaction_id: string; account: string; currency: string; debit_minor: number; credit_minor: number };

/**
 * The ledger rows of many succeeded payments' charges (a batch of callbacks), for the batch's one
 * write (store/batch.ts, `writeBatchSql`): each payment's charge, and the provider's fee when it told us,
 * as its own balanced transaction. Once per payment: unique indexes.
 */
export function chargeRows(items: Array<{ payment: PaymentRow; feeMinor: number }>): { transactions: NewLedgerTransaction[]; entries: NewLedgerEntry[] } {
  const transactions: NewLedgerTransaction[] = [];
  const entries: NewLedgerEntry[] = [];
  const add = (kind: "charge" | "fee", payment: PaymentRow, amount: number, lines: Entry[]) => {
    const id = randomUUID();
    transactions.push({
      id,
      kind,
      payment_id: payment.id,
      refund_id: null,
      event_id: payment.event_id,
      organizer_id: payment.organizer_id,
      amount_minor: amount,
      currency: payment.currency,
    });
    for (const e of lines) {
      entries.push({ transaction_id: id, account: e.account, currency: payment.currency, debit_minor: e.debit ?? 0, credit_minor: e.credit ?? 0 });
    }
  };
  for (const { payment, feeMinor } of items) {
    const organizer = organizerAccount(payment.organizer_id);
    add("charge", payment, payment.amount_minor, [{ account: CLEARING, debit: payment.amount_minor }, { account: organizer, credit: payment.amount_minor }]);
    if (feeMinor > 0 && feeMinor < payment.amount_minor) {
      add("fee", payment, feeMinor, [{ account: organizer, debit: feeMinor }, { account: FEES, credit: feeMinor }]);
    }
  }
  return { transactions, entries };
}

export async function recordRefund(trx: Knex.Transaction, payment: PaymentRow, refund: RefundRow): Promise<void> {
  await post(trx, { kind: "refund", payment, refundId: refund.id, amount: refund.amount_minor }, [
    { account: organizerAccount(payment.organizer_id), debit: refund.amount_minor },
    { account: CLEARING, credit: refund.amount_minor },
  ]);
}
