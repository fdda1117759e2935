/**
 * Receipts: one per succeeded payment, numbered per organizer without gaps — the counter row moves
 * in the same transaction as the payment's success, so a rollback takes its number back too, and
 * its row lock orders concurrent successes of one organizer. The PDF is drawn with pdfkit (pure
 * JavaScript, maintained, no headless browser or native code) from the stored facts on request.
 */
import type { Knex } from "knex";
import type { Principal } from "../../../subjects/principal.ts";
import { AppError } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { findPayment, type PaymentRow, refundsOf } from "../store.ts";
import { roleOf } from "../access.ts";
import { formatAmount } from "../providers/provider.ts";

/**
 * Numbers the receipts of many succeeded payments: one counter move per organizer (the counters
 * are taken in organizer order, so two batches cannot deadlock on them), then one insert. A
 * payment that was not succeeded before has no receipt yet (both are written in the same
 * transaction), so every payment here gets a fresh number. Returns the numbers by payment id.
 */
export async function issueReceipts(trx: Knex.Transaction, payments: PaymentRow[]): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  if (payments.length === 0) return numbers;
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
  const receipts: Array<{ payment_id: string; organizer_id: string; seq: number; number: string }> = [];
  for (const { organizer_id, last } of rows) {
    const mine = byOrganizer.get(organizer_id)!;
    mine.forEach((p, i) => {
      const seq = last - mine.length + 1 + i;
      const number = `R-${organizer_id.slice(0, 8).toUpperCase()}-${String(seq).padStart(6, "0")}`;
      receipts.push({ payment_id: p.id, organizer_id, seq, number });
      numbers.set(p.id, number);
    });
  }
  await trx("receipts").insert(receipts);
  return numbers;
}

export async function receiptPdf(deps: Deps, caller: Principal, paymentId: string): Promise<{ number: string; filename: string; pdfBase64: string }> {
  const p = await findPayment(deps.db, paymentId);
  await roleOf(deps, caller, p);
  const receipt = await deps.db("receipts").where({ payment_id: paymentId }).first();
  if (!receipt) throw new AppError("no_receipt", "a receipt exists once the payment succeeded", { status: 409 });
  const owner = await deps.db("event_owners").where({ event_id: p!.event_id }).first();
  const refunds = (await refundsOf(deps.db, paymentId)).filter((r) => r.status === "succeeded");
  const pdf = await render({
    number: receipt.number,
    issuedAt: new Date(receipt.issued_at),
    event: owner?.title ?? p!.event_id,
    payment: p!,
    refunds: refunds.map((r) => ({ at: new Date(r.updated_at), amount: r.amount_minor })),
  });
  return { number: receipt.number, filename: `${receipt.number}.pdf`, pdfBase64: pdf.toString("base64") };
}

async function render(
  r: { number: string; issuedAt: Date; event: string; payment: PaymentRow; refunds: Array<{ at: Date; amount: number }> },
): Promise<Buffer> {
  // Loaded on the first receipt: pdfkit and its fonts would otherwise weigh on every process start.
  const { default: PDFDocument } = await import("pdfkit");
  const money = (minor: number) => `${formatAmount(minor, r.payment.currency)} ${r.payment.currency}`;
  return new Promise((resolve, reject) => {
    // A fixed creation date keeps the same receipt byte-identical on every download.
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: `Receipt ${r.number}`, Producer: "Convene", Creator: "Convene", CreationDate: r.issuedAt },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(20).text(`Receipt ${r.number}`);
    doc.moveDown().fontSize(11);
    doc.text(`Issued: ${r.issuedAt.toISOString().slice(0, 19).replace("T", " ")} UTC`);
    doc.text(`Event: ${r.event}`);
    doc.text(`Booking: ${r.payment.order_id}`);
    doc.text(`Payment: ${r.payment.id} (provider ${r.payment.provider} ${r.payment.provider_payment_id ?? ""})`);
    if (r.payment.card_pan) doc.text(`Card: ${r.payment.card_pan}`);
    doc.moveDown().fontSize(14).text(`Paid: ${money(r.payment.amount_minor)}`);
    for (const f of r.refunds) doc.fontSize(11).text(`Refunded ${f.at.toISOString().slice(0, 10)}: ${money(f.amount)}`);
    doc.end();
  });
}
