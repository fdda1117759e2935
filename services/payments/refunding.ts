/**
 * Refunds. Asking reserves the amount under the payment's row lock — pending and succeeded refunds
 * together never exceed what was paid, however many requests race — then the provider is asked
 * (revoke.php) outside any transaction, and the outcome is recorded with its ledger entries and
 * evt.payment.refunded in one transaction. A refund the provider could not be reached for stays
 * pending and the retry pass asks again, after checking with get_status3 whether the provider did
 * refund it (so a crash between the provider's yes and our commit never refunds twice).
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../kit/errors.ts";
import { enqueue } from "../kit/outbox.ts";
import { paymentEvents } from "../../subjects/payments.ts";
import { type Deps, SOURCE } from "./deps.ts";
import { findPayment, lockPayment, refundOf, type RefundRow, setStatus } from "./store.ts";
import {
  deferRefund,
  failRefund,
  insertRefunds,
  lockRefund,
  refundById,
  refundBySourceKey,
  refundedMinorOf,
  reservedMinorOf,
  succeedRefund,
} from "./store/refunds.ts";
import { recordRefund } from "./store/ledger.ts";
import { ProviderError } from "./providers/provider.ts";
import { facts } from "./facts.ts";
import { paymentMetrics } from "./metrics.ts";

export const REFUNDABLE = ["succeeded", "partially_refunded"] as const;

/**
 * How much a refund takes: what was asked (everything left when nothing was), capped at what is
 * left when `cap` (a cancelled booking's due); refund_exceeds_paid when that is nothing or more
 * than is left. `reserved` is what the payment's pending and succeeded refunds already take.
 */
export function refundAmount(paid: number, reserved: number, r: { amountMinor?: number; cap?: boolean }): number {
  const left = paid - reserved;
  let amount = r.amountMinor ?? left;
  if (r.cap) amount = Math.min(amount, left);
  if (amount <= 0 || amount > left) {
    throw new AppError("refund_exceeds_paid", `only ${left} (minor units) is left to refund`, {
      status: 409,
      details: [{ field: "amountMinor", message: `at most ${left}` }],
    });
  }
  return amount;
}

/** Reserves a refund under the payment's row lock (a message's refund once: its source key); the refund row. */
export async function reserve(
  deps: Deps,
  r: { paymentId: string; amountMinor?: number; reason: RefundRow["reason"]; requestedBy: string | null; sourceKey?: string; cap?: boolean },
): Promise<RefundRow> {
  return deps.db.transaction(async (trx) => {
    if (r.sourceKey) {
      const again = await refundBySourceKey(trx, r.sourceKey);
      if (again) return again;
    }
    const p = await lockPayment(trx, r.paymentId);
    if (!p) throw new AppError("not_found", "payment not found");
    if (!(REFUNDABLE as readonly string[]).includes(p.status)) {
      throw new AppError("not_refundable", `a ${p.status} payment cannot be refunded`, { status: 409 });
    }
    const amount = refundAmount(p.amount_minor, await reservedMinorOf(trx, p.id), r);
    const row = {
      id: randomUUID(),
      payment_id: p.id,
      amount_minor: amount,
      status: "pending",
      reason: r.reason,
      requested_by: r.requestedBy,
      source_key: r.sourceKey ?? null,
      retry_at: new Date(deps.now().getTime() + 60_000),
    };
    await insertRefunds(trx, [row]);
    return refundOf({ ...row, failure: null, created_at: deps.now(), updated_at: deps.now() });
  });
}

/** Asks the provider for a pending refund and records the outcome. Answers the refund as it stands. */
export async function processRefund(deps: Deps, refundId: string, opts: { checkProviderFirst?: boolean } = {}): Promise<RefundRow> {
  const refund = await refundById(deps.db, refundId);
  if (refund.status !== "pending") return refund;
  const p = (await findPayment(deps.db, refund.payment_id))!;
  let alreadyDone = false;
  if (opts.checkProviderFirst) {
    const status = await deps.provider.status({ providerPaymentId: p.provider_payment_id ?? undefined, orderId: p.id });
    alreadyDone = (status.refundedMinor ?? 0) >= (await refundedMinorOf(deps.db, p.id)) + refund.amount_minor;
  }
  if (!alreadyDone) {
    try {
      await deps.provider.refund(p.provider_payment_id!, p.currency, refund.amount_minor);
    } catch (err) {
      if (err instanceof ProviderError && !err.retryable) return finish(deps, refund, { failure: err.message });
      paymentMetrics().refunds.add(1, { outcome: "retry" });
      await deferRefund(deps.db, refund.id, new Date(deps.now().getTime() + 30_000), deps.now());
      throw err;
    }
  }
  return finish(deps, refund, {});
}

async function finish(deps: Deps, refund: RefundRow, outcome: { failure?: string }): Promise<RefundRow> {
  const now = deps.now();
  const done = await deps.db.transaction(async (trx) => {
    const p = (await lockPayment(trx, refund.payment_id))!;
    const current = await lockRefund(trx, refund.id);
    if (current.status !== "pending") return current;
    if (outcome.failure) {
      await failRefund(trx, refund.id, outcome.failure.slice(0, 500), now);
      return { ...current, status: "failed" as const, failure: outcome.failure, updated_at: now };
    }
    const refunded = p.refunded_minor + current.amount_minor;
    const status = refunded >= p.amount_minor ? ("refunded" as const) : ("partially_refunded" as const);
    await succeedRefund(trx, refund.id, now);
    const after = await setStatus(trx, p, { refunded_minor: refunded, status }, now);
    await recordRefund(trx, after, current);
    await enqueue(trx, paymentEvents.refunded, { ...facts(after, now), refundId: current.id, refundAmountMinor: current.amount_minor }, { source: SOURCE });
    return { ...current, status: "succeeded" as const, updated_at: now };
  });
  deps.flushOutbox();
  paymentMetrics().refunds.add(1, { outcome: done.status });
  return done;
}
