/**
 * A callback batch's statements as SQL text with their values inlined (kit/db.ts sqlLiteral), so
 * the batch can send several in one round trip on a held connection (kit/db.ts inHeldTransaction):
 * `begin` with the lock and the dedupe read, then the writes, then the receipts and events with
 * `commit` (settlement.ts). knex sends one statement per round trip, BEGIN and COMMIT included,
 * and a batch holds its payments' row locks across all of them.
 */
import { sqlLiteral } from "../../kit/db.ts";
import { outboxInsertSql, type OutboxRow } from "../../kit/outbox.ts";
import { sqlArray, sqlUnnest, sqlValue } from "../../kit/sql-arrays.ts";
import type { PaymentRow } from "../store.ts";
import type { NewLedgerEntry, NewLedgerTransaction } from "./ledger.ts";
import type { CallbackRow } from "./callbacks.ts";
import type { ReceiptRow } from "./receipts.ts";

/** The payments locked in id order (concurrent batches and replicas never deadlock on them). */
export function lockPaymentsSql(ids: string[]): string {
  return `select * from payments where id in (${ids.map(sqlLiteral).join(", ")}) order by id for update`;
}

/**
 * What was decided before for these payments. Sent after the lock in the same round trip: in READ
 * COMMITTED each statement of a simple query takes its own snapshot, so this one sees a decision
 * committed by a batch the lock waited for (a subquery of the lock's SELECT would not).
 */
export function callbacksOfSql(paymentIds: string[]): string {
  return `select payment_id, provider_payment_id, result, answer_status, answer_description from callbacks
           where payment_id in (${paymentIds.map(sqlLiteral).join(", ")})`;
}

/** Refunds planned by a batch (a payment accepted after its hold expired). */
export function insertRefundsSql(
  rows: Array<{ id: string; payment_id: string; amount_minor: number; status: string; reason: string; retry_at: Date }>,
): string[] {
  if (rows.length === 0) return [];
  return [
    `insert into refunds (id, payment_id, amount_minor, status, reason, requested_by, retry_at) values ${
      rows.map((r) =>
        `(${sqlValue(r.id)}, ${sqlValue(r.payment_id)}, ${sqlValue(r.amount_minor)}, ${sqlValue(r.status)}, ${sqlValue(r.reason)}, null, ${
          sqlValue(r.retry_at)
        })`
      ).join(", ")
    }`,
  ];
}

/** Counts repeats of callbacks decided before. */
export function countRepeatsSql(repeats: Array<{ paymentId: string; providerPaymentId: string; result: number }>): string[] {
  if (repeats.length === 0) return [];
  return [
    `update callbacks c set received = c.received + 1
       from unnest(${sqlArray(repeats.map((r) => r.paymentId), "uuid")}, ${sqlArray(repeats.map((r) => r.providerPaymentId), "text")}, ${
      sqlArray(repeats.map((r) => r.result), "smallint")
    }) as v(payment_id, provider_payment_id, result)
      where c.payment_id = v.payment_id and c.provider_payment_id = v.provider_payment_id and c.result = v.result`,
  ];
}

/**
 * What a batch decided, in one statement: the payments' new states, the ledger charges
 * (transactions, then their entries: the foreign key is checked at the statement's end), the
 * decision rows the repeats are answered from, the reconciliation timers cancelled (`timers`, the
 * kit's cancelTimersSql as a WITH) and last the receipt counters moved, one row per organizer in
 * organizer order; it returns the counters as they stand after (store/receipts.ts numberReceipts).
 */
export function writeBatchSql(
  b: {
    payments: PaymentRow[];
    ledger: { transactions: NewLedgerTransaction[]; entries: NewLedgerEntry[] };
    callbacks: CallbackRow[];
    timers?: string;
    counters: { organizers: string[]; counts: number[] };
  },
  now: Date,
): string {
  const { transactions: t, entries: e } = b.ledger;
  return `with pay as (
       update payments p set status = v.status, failure = v.failure, card_pan = v.card_pan, provider_payment_id = v.provider_payment_id, reconcile_at = null, updated_at = ${
    sqlValue(now)
  }
         from ${
    sqlUnnest(b.payments, [["id", "uuid"], ["status", "text"], ["failure", "text"], ["card_pan", "text"], ["provider_payment_id", "text"]])
  } as v(id, status, failure, card_pan, provider_payment_id)
        where p.id = v.id),
     tx as (
       insert into ledger_transactions (id, kind, payment_id, refund_id, event_id, organizer_id, amount_minor, currency)
       select * from ${
    sqlUnnest(t, [["id", "uuid"], ["kind", "text"], ["payment_id", "uuid"], ["refund_id", "uuid"], ["event_id", "uuid"], ["organizer_id", "uuid"], [
      "amount_minor",
      "bigint",
    ], ["currency", "text"]])
  }),
     en as (
       insert into ledger_entries (transaction_id, account, currency, debit_minor, credit_minor)
       select * from ${
    sqlUnnest(e, [["transaction_id", "uuid"], ["account", "text"], ["currency", "text"], ["debit_minor", "bigint"], ["credit_minor", "bigint"]])
  }),
     cb as (
       insert into callbacks (payment_id, provider_payment_id, result, answer_status, answer_description)
       select * from ${
    sqlUnnest(b.callbacks, [["payment_id", "uuid"], ["provider_payment_id", "text"], ["result", "smallint"], ["answer_status", "text"], [
      "answer_description",
      "text",
    ]])
  })${b.timers ? `,\n     tm as (${b.timers})` : ""}
     insert into receipt_counters (organizer_id, last)
     select * from unnest(${sqlArray(b.counters.organizers, "uuid")}, ${sqlArray(b.counters.counts, "int")}) as u(organizer_id, n) order by organizer_id
     on conflict (organizer_id) do update set last = receipt_counters.last + excluded.last
     returning organizer_id, last`;
}

/** The batch's receipts and its domain events (kit outbox rows). */
export function receiptsSql(receipts: ReceiptRow[], outbox: OutboxRow[]): string[] {
  return [
    ...(receipts.length
      ? [
        `insert into receipts (payment_id, organizer_id, seq, number) values ${
          receipts.map((r) => `(${sqlValue(r.payment_id)}, ${sqlValue(r.organizer_id)}, ${sqlValue(r.seq)}, ${sqlValue(r.number)})`).join(", ")
        }`,
      ]
      : []),
    ...(outbox.length ? [outboxInsertSql(outbox)] : []),
  ];
}
