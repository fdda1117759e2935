/**
 * A receipt as a PDF, to the payment's payer, organizers and admins. It is drawn with pdfkit (pure
 * JavaScript, maintained, no headless browser or native code) from the stored facts on request.
 */
import type { Principal } from "../../../subjects/principal.ts";
import { AppError } from "../../kit/errors.ts";
import type { Deps } from "../deps.ts";
import { eventOwnerOf, findPayment, type PaymentRow, refundsOf } from "../store.ts";
import { receiptOf } from "../store/receipts.ts";
import { roleOf } from "../access.ts";
import { formatAmount } from "../providers/provider.ts";

export async function receiptPdf(deps: Deps, caller: Principal, paymentId: string): Promise<{ number: string; filename: string; pdfBase64: string }> {
  const p = await findPayment(deps.db, paymentId);
  await roleOf(deps, caller, p);
  const receipt = await receiptOf(deps.db, paymentId);
  if (!receipt) throw new AppError("no_receipt", "a receipt exists once the payment succeeded", { status: 409 });
  const owner = await eventOwnerOf(deps.db, p!.event_id);
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
