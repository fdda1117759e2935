/**
 * The provider's result callback: the only proof of a payment. Its signature (over every field
 * received, with the script name of our URL) is its only authentication. Then, under the
 * payment's row lock: the provider's payment id, amount and currency must be the ones we created;
 * a (payment, provider id, result) decided before gets the same answer again; otherwise a success
 * settles the booking — confirmed → succeeded with one ledger charge and a receipt; gone (the hold
 * ran out and the seats were released) → `rejected` when the provider allows it, else accepted
 * and refunded in full at once — and a failure fails the payment (bookings releases the seats).
 * Everything of one decision commits in one transaction, so a crash mid-way changes nothing and the
 * provider's retry decides again.
 */
import { randomUUID } from "node:crypto";
import type { Knex } from "knex";
import { enqueue } from "../../kit/outbox.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import { SOURCE, type Deps } from "../deps.ts";
import { fromForm, get } from "../providers/fields.ts";
import { salt as freshSalt } from "../providers/freedompay.ts";
import type { CallbackAnswer, ResultNotice } from "../providers/provider.ts";
import { lockPayment, type PaymentRow } from "../store.ts";
import { recordCharge } from "./ledger.ts";
import { issueReceipt } from "./receipts.ts";
import { facts } from "./facts.ts";
import { processRefund } from "./refund.ts";
import { cancelTimer } from "../../kit/timers.ts";
import { RECONCILE_TIMER } from "./reconcile.ts";

export type CallbackOutcome = { xml: string; answer: CallbackAnswer; changed: boolean; refundId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function handleCallback(deps: Deps, input: { script: string; body: string }): Promise<CallbackOutcome> {
  const fields = fromForm(input.body);
  const refuse = (description: string): CallbackOutcome => {
    deps.log.warn({ reason: description, orderId: get(fields, "pg_order_id"), providerPaymentId: get(fields, "pg_payment_id") }, "payment callback refused");
    const answer: CallbackAnswer = { status: "error", description, salt: get(fields, "pg_salt") ?? freshSalt() };
    return { xml: deps.provider.answerCallback(input.script, answer), answer, changed: false };
  };
  // The script name is signed over: a callback for another URL (or a forged name) cannot verify.
  if (input.script !== deps.config.callbackScript) return refuse("unknown callback URL");
  const check = deps.provider.verifyCallback(input.script, fields);
  if (!check.ok) return refuse(check.reason === "signature" ? "signature does not verify" : "malformed callback");
  const n = check.notice;
  if (!UUID.test(n.orderId)) return refuse("unknown pg_order_id");

  const decided = await applyResult(deps, n);
  if ("refused" in decided) return refuse(decided.refused);
  const answer: CallbackAnswer = { ...decided.answer, salt: n.salt };
  return { xml: deps.provider.answerCallback(input.script, answer), answer, changed: decided.changed, refundId: decided.refundId };
}

/**
 * Applies a verified result (a callback, or what reconciliation learnt from get_status3) under the
 * payment's row lock; the same (payment, provider id, result) is decided once.
 */
export async function applyResult(
  deps: Deps,
  n: ResultNotice,
  outer?: Knex.Transaction,
): Promise<{ refused: string } | { answer: Omit<CallbackAnswer, "salt">; changed: boolean; refundId?: string }> {
  const inTransaction = <T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> => (outer ? fn(outer) : deps.db.transaction(fn));
  const decided = await inTransaction(async (trx) => {
    const p = await lockPayment(trx, n.orderId);
    if (!p) return { refused: "unknown pg_order_id" };
    if (p.provider_payment_id && p.provider_payment_id !== n.providerPaymentId) return { refused: "pg_payment_id does not belong to this order" };
    if (n.amountMinor !== p.amount_minor || n.currency !== p.currency) return { refused: "amount or currency does not match the payment" };
    const key = { payment_id: p.id, provider_payment_id: n.providerPaymentId, result: n.succeeded ? 1 : 0 };
    const seen = await trx("callbacks").where(key).first();
    if (seen) {
      await trx("callbacks").where(key).increment("received", 1);
      return { answer: { status: seen.answer_status, description: seen.answer_description } as Omit<CallbackAnswer, "salt">, changed: false };
    }
    const d = await decide(deps, trx, p, n);
    await trx("callbacks").insert({ ...key, answer_status: d.answer.status, answer_description: d.answer.description });
    await cancelTimer(trx, RECONCILE_TIMER, p.id);
    return { ...d, changed: true };
  });
  if ("refused" in decided) return { refused: decided.refused! };
  if (decided.changed && !outer) deps.flushOutbox();
  const refundId = "refundId" in decided ? decided.refundId : undefined;
  // Accepted after the seats were gone and the provider would not take it back: refund now
  // (inside a caller's transaction it is not committed yet: the refund retry pass takes it).
  if (refundId && !outer) await processRefund(deps, refundId).catch((err: unknown) => deps.log.error({ err, refundId }, "refund of a late payment failed; the retry pass will try again"));
  return { answer: decided.answer!, changed: decided.changed, refundId };
}

type Decision = { answer: Omit<CallbackAnswer, "salt">; refundId?: string };

async function decide(deps: Deps, trx: Knex.Transaction, p: PaymentRow, n: ResultNotice): Promise<Decision> {
  const now = deps.now();
  const done = p.status === "succeeded" || p.status === "partially_refunded" || p.status === "refunded";
  if (!n.succeeded) {
    if (done) return { answer: { status: "ok", description: "already paid" } };
    if (p.status === "failed" || p.status === "cancelled") return { answer: { status: "ok", description: "recorded" } };
    const reason = n.failureDescription ?? n.failureCode ?? "declined";
    const failed = await setStatus(trx, p, { status: "failed", failure: reason.slice(0, 500), provider_payment_id: n.providerPaymentId, reconcile_at: null }, now);
    await enqueue(trx, paymentEvents.failed, { ...facts(failed, now), reason: failed.failure ?? "declined" }, { source: SOURCE });
    return { answer: { status: "ok", description: "payment failure recorded" } };
  }
  if (done) return { answer: { status: "ok", description: "already paid" } };

  const settled = await deps.bookings.settle(p.order_id, p.id).catch((err: unknown) => {
    const status = (err as { status?: number }).status ?? 500;
    // An order bookings no longer knows how to settle counts as gone; anything else is retried.
    if (status === 404 || status === 409) return { outcome: "gone" as const };
    throw err;
  });
  if (settled.outcome === "gone" && n.canReject) {
    const failed = await setStatus(trx, p, { status: "failed", failure: "paid after the booking's hold expired; rejected", provider_payment_id: n.providerPaymentId, reconcile_at: null }, now);
    await enqueue(trx, paymentEvents.failed, { ...facts(failed, now), reason: "hold_expired" }, { source: SOURCE });
    return { answer: { status: "rejected", description: "The reservation has expired and the seats were released; the payment is reversed." } };
  }
  const paid = await setStatus(trx, p, { status: "succeeded", failure: null, card_pan: n.cardPan ?? null, provider_payment_id: n.providerPaymentId, reconcile_at: null }, now);
  // The provider's fee is what it kept: the amount less pg_net_amount (nothing recorded when it does not say).
  await recordCharge(trx, paid, n.netAmountMinor === undefined ? 0 : n.amountMinor - n.netAmountMinor);
  const receiptNumber = await issueReceipt(trx, paid);
  await enqueue(trx, paymentEvents.succeeded, { ...facts(paid, now), receiptNumber }, { source: SOURCE });
  if (settled.outcome === "confirmed") return { answer: { status: "ok", description: "payment accepted" } };
  const refundId = randomUUID();
  await trx("refunds").insert({ id: refundId, payment_id: p.id, amount_minor: p.amount_minor, status: "pending", reason: "hold_expired", requested_by: null, retry_at: new Date(now.getTime() + 30_000) });
  return { answer: { status: "ok", description: "payment accepted after the reservation expired; it is refunded in full" }, refundId };
}

export async function setStatus(trx: Knex.Transaction, p: PaymentRow, change: Partial<PaymentRow>, now: Date): Promise<PaymentRow> {
  await trx("payments").where({ id: p.id }).update({ ...change, updated_at: now });
  return { ...p, ...change, updated_at: now };
}
