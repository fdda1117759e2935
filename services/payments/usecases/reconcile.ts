/**
 * Reconciliation: a payment still pending some time after it was created (its callback lost, or
 * the payer gone) is looked up with get_status3.php, and what the provider says is applied exactly
 * as a callback would be (same decision, same dedupe key). A payment the provider still calls
 * pending after its page expired (plus a grace) is failed, so bookings releases the seats. Refunds
 * the provider could not be reached for are retried here too. The schedule lives in the rows
 * (reconcile_at, retry_at), so a crash only delays a pass.
 * REVIEW: move onto the kit's durable timers (services/kit/timers.ts) once they are on main.
 */
import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import { SOURCE } from "../deps.ts";
import { lockPayment, paymentOf, type PaymentRow } from "../store.ts";
import { applyResult, setStatus } from "./handle-callback.ts";
import { processRefund } from "./refund.ts";
import { facts } from "./facts.ts";
import { paymentMetrics } from "../metrics.ts";

export const EXPIRY_GRACE_MS = 5 * 60_000;

export async function reconcilePass(deps: Deps, batch = 20): Promise<{ checked: number; refundsRetried: number }> {
  const now = deps.now();
  const next = new Date(now.getTime() + deps.config.reconcileEveryMs);
  // Claim due rows by moving their time forward; concurrent replicas skip what another claimed.
  const claimed: PaymentRow[] = await deps.db.transaction(async (trx) => {
    const rows = await trx("payments").whereIn("status", ["created", "pending"]).where("reconcile_at", "<=", now).orderBy("reconcile_at").limit(batch).forUpdate().skipLocked();
    if (rows.length) await trx("payments").whereIn("id", rows.map((r: { id: string }) => r.id)).update({ reconcile_at: next });
    return rows.map(paymentOf);
  });
  for (const p of claimed) {
    try {
      await reconcileOne(deps, p);
    } catch (err) {
      deps.log.warn({ err, paymentId: p.id }, "reconciliation of a pending payment failed; next pass retries");
    }
  }
  const due = await deps.db("refunds").where({ status: "pending" }).where("retry_at", "<=", now).orderBy("retry_at").limit(batch).select("id");
  for (const r of due) await processRefund(deps, r.id, { checkProviderFirst: true }).catch((err: unknown) => deps.log.warn({ err, refundId: r.id }, "refund retry failed"));
  return { checked: claimed.length, refundsRetried: due.length };
}

async function reconcileOne(deps: Deps, p: PaymentRow): Promise<void> {
  const s = await deps.provider.status({ providerPaymentId: p.provider_payment_id ?? undefined, orderId: p.id });
  paymentMetrics().reconciled.add(1, { state: s.state });
  if ((s.state === "succeeded" || s.state === "failed") && s.providerPaymentId) {
    const r = await applyResult(deps, {
      orderId: p.id,
      providerPaymentId: s.providerPaymentId,
      succeeded: s.state === "succeeded",
      amountMinor: s.amountMinor ?? -1,
      currency: s.currency ?? "",
      // Late news: the provider no longer lets us reject; a gone booking is refunded instead.
      canReject: false,
      testing: false,
      salt: "",
      failureDescription: s.state === "failed" ? "failed (reconciled with the provider)" : undefined,
    });
    if ("refused" in r) deps.log.error({ paymentId: p.id, reason: r.refused }, "provider status does not match the payment");
    return;
  }
  const now = deps.now();
  if (now.getTime() > p.expires_at.getTime() + EXPIRY_GRACE_MS) {
    const changed = await deps.db.transaction(async (trx) => {
      const current = await lockPayment(trx, p.id);
      if (!current || (current.status !== "pending" && current.status !== "created")) return false;
      const failed = await setStatus(trx, current, { status: "failed", failure: "the payment page expired without a result", reconcile_at: null }, now);
      await enqueue(trx, paymentEvents.failed, { ...facts(failed, now), reason: "expired" }, { source: SOURCE });
      return true;
    });
    if (changed) deps.flushOutbox();
  }
}
