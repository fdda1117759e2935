/**
 * Receipts: one per succeeded payment, numbered per organizer without gaps — the counter row moves
 * in the same transaction as the payment's success, so a rollback takes its number back too, and
 * its row lock orders concurrent successes of one organizer.
 */
import type { Knex } from "knex";
import type { PaymentRow } from "../store.ts";

export type ReceiptRow = { payment_id: string; organizer_id: string; seq: number; number: string };

/**
 * The counter moves for the receipts of many succeeded payments: one per organizer, in organizer
 * order (so two batches cannot deadlock on the counters), written by the batch's write
 * (store/batch.ts `writeBatchSql`). A payment that was not succeeded before has no receipt yet (both are written in
 * the same transaction), so every payment here gets a fresh number.
 */
export function counterMoves(payments: PaymentRow[]): { organizers: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (const p of payments) counts.set(p.organizer_id, (counts.get(p.organizer_id) ?? 0) + 1);
  const organizers = [...counts.keys()].sort();
  return { organizers, counts: organizers.map((o) => counts.get(o)!) };
}

/**
 * The receipt rows of `payments`, numbered from the counters as they stand after the moves
 * (`last` per organizer); the caller writes them in its next statement (store/batch.ts
 * `receiptsSql`, with the batch's events).
 */
export function numberReceipts(payments: PaymentRow[], counters: Array<{ organizer_id: string; last: number | string }>): ReceiptRow[] {
  const byOrganizer = new Map<string, PaymentRow[]>();
  for (const p of payments) byOrganizer.set(p.organizer_id, [...(byOrganizer.get(p.organizer_id) ?? []), p]);
  const receipts: ReceiptRow[] = [];
  for (const { organizer_id, last } of counters) {
    const mine = byOrganizer.get(organizer_id)!;
    mine.forEach((p, i) => {
      const seq = Number(last) - mine.length + 1 + i;
      const number = `R-${organizer_id.slice(0, 8).toUpperCase()}-${String(seq).padStart(6, "0")}`;
      receipts.push({ payment_id: p.id, organizer_id, seq, number });
    });
  }
  return receipts;
}

/** A payment's receipt, once it succeeded. */
export async function receiptOf(db: Knex, paymentId: string): Promise<{ number: string; issued_at: Date } | undefined> {
  return await db("receipts").where({ payment_id: paymentId }).first();
}
