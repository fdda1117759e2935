/**
 * Receipts: one per succeeded payment, numbered per organizer without gaps — the counter row moves
 * in the same transaction as the payment's success, so a rollback takes its number back too, and
 * its row lock orders concurrent successes of one organizer.
 */
import type { Knex } from "knex";
import type { PaymentRow } from "../store.ts";
import { outboxInsert, type OutboxRow } from "../../kit/outbox.ts";

export type ReceiptRow = { payment_id: string; organizer_id: string; seq: number; number: string };

/**
 * Numbers the receipts of many succeeded payments: one counter move per organizer (the counters
 * are taken in organizer order, so two batches cannot deadlock on them). A payment that was not
 * succeeded before has no receipt yet (both are written in the same transaction), so every
 * payment here gets a fresh number. Returns the receipt rows, which the caller writes in its next
 * statement (`insertReceipts`, with the batch's events).
 */
export async function numberReceipts(trx: Knex.Transaction, payments: PaymentRow[]): Promise<ReceiptRow[]> {
  if (payments.length === 0) return [];
  const byOrganizer = new Map<string, PaymentRow[]>();
  for (const p of payments) byOrganizer.set(p.organizer_id, [...(byOrganizer.get(p.organizer_id) ?? []), p]);
  const organizers = [...byOrganizer.keys()].sort();
  const { rows } = (await trx.raw(
    `insert into receipt_counters (organizer_id, last)
     select * from unnest(?::uuid[], ?::int[]) as u(organizer_id, n) order by organizer_id
     on conflict (organizer_id) do update set last = receipt_counters.last + excluded.last
     returning organizer_id, last`,
    [organizers, organizers.map((o) => byOrganizer.get(o)!.length)] as never,
  )) as { rows: Array<{ organizer_id: string; last: number }> };
  const receipts: ReceiptRow[] = [];
  for (const { organizer_id, last } of rows) {
    const mine = byOrganizer.get(organizer_id)!;
    mine.forEach((p, i) => {
      const seq = last - mine.length + 1 + i;
      const number = `R-${organizer_id.slice(0, 8).toUpperCase()}-${String(seq).padStart(6, "0")}`;
      receipts.push({ payment_id: p.id, organizer_id, seq, number });
    });
  }
  return receipts;
}

/** The receipts numbered by `numberReceipts` and the batch's domain events (kit outbox rows), in one statement. */
export async function insertReceipts(trx: Knex.Transaction, receipts: ReceiptRow[], outbox: OutboxRow[]): Promise<void> {
  if (receipts.length === 0 && outbox.length === 0) return;
  const events = outboxInsert(outbox);
  await trx.raw(
    `with r as (
       insert into receipts (payment_id, organizer_id, seq, number)
       select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[]))
     ${events.sql}`,
    [...(["payment_id", "organizer_id", "seq", "number"] as const).map((k) => receipts.map((x) => x[k])), ...events.bindings] as never,
  );
}

/** A payment's receipt, once it succeeded. */
export async function receiptOf(db: Knex, paymentId: string): Promise<{ number: string; issued_at: Date } | undefined> {
  return await db("receipts").where({ payment_id: paymentId }).first();
}
