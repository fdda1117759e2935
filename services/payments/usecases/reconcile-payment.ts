/**
 * Reconciliation on the kit's durable timers: creating a payment schedules `payments.reconcile`
 * for it (PAYMENTS_RECONCILE_AFTER_MS later) in the same transaction; a callback that decides the
 * payment cancels it. When it fires, the payment is looked up with get_status3.php and what the
 * provider says is applied exactly as a callback would be (same decision, same dedupe key, in the
 * timer's transaction, without the right to reject). Still pending: it re-arms itself every
 * PAYMENTS_RECONCILE_EVERY_MS; still pending 5 minutes after the page expired: the payment fails
 * and bookings releases the seats. The fire and its effect commit together (kit/timers.ts): a
 * crash fires it again later, never twice.
 */
import type { Knex } from "knex";
import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { scheduleTimer } from "../../kit/timers.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import { SOURCE } from "../deps.ts";
import { lockPayment, setStatus } from "../store.ts";
import { applyResult } from "../settlement.ts";
import { facts } from "../facts.ts";
import { pageExpired, RECONCILE_TIMER } from "../reconciliation.ts";
import { paymentMetrics } from "../metrics.ts";

// REVIEW: the kit fires every due timer of a pass in one transaction, so a pass of many reconcile
// timers holds their payments' row locks across each one's provider and bookings calls, in due
// order; a callback batch (id order) waits for it or deadlocks with it (detected in 1 s, retried).
// A `handleMany` that asks the provider first and then applies all results at once would fix it.
/** A due `payments.reconcile` timer; inside the kit's timer transaction, which stands in for `deps.db`. */
export async function reconcilePayment(deps: Deps & { db: Knex.Transaction }, timer: { key: string }): Promise<void> {
  const trx = deps.db;
  const p = await lockPayment(trx, timer.key);
  if (!p) return;
  if (p.status !== "pending" && p.status !== "created") return;
  const s = await deps.provider.status({ providerPaymentId: p.provider_payment_id ?? undefined, orderId: p.id });
  paymentMetrics().reconciled.add(1, { state: s.state });
  if ((s.state === "succeeded" || s.state === "failed") && s.providerPaymentId) {
    const r = await applyResult(
      deps,
      {
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
      },
      trx,
    );
    if ("refused" in r) deps.log.error({ paymentId: p.id, reason: r.refused }, "provider status does not match the payment");
    return;
  }
  const now = deps.now();
  if (pageExpired(p.expires_at, now)) {
    const failed = await setStatus(trx, p, { status: "failed", failure: "the payment page expired without a result", reconcile_at: null }, now);
    await enqueue(trx, paymentEvents.failed, { ...facts(failed, now), reason: "expired" }, { source: SOURCE });
    return;
  }
  await scheduleTimer(trx, { kind: RECONCILE_TIMER, key: p.id, dueAt: new Date(now.getTime() + deps.config.reconcileEveryMs) });
}
