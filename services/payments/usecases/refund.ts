/**
 * Refunds. Asking reserves the amount under the payment's row lock — pending and succeeded refunds
 * together never exceed what was paid, however many requests race — then the provider is asked
 * (revoke.php) outside any transaction, and the outcome is recorded with its ledger entries and
 * evt.payment.refunded in one transaction. A refund the provider could not be reached for stays
 * pending and the retry pass asks again, after checking with get_status3 whether the provider did
 * refund it (so a crash between the provider's yes and our commit never refunds twice).
 */
import { randomUUID } from "node:crypto";
import { AppError, forbidden } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { paymentEvents, type RefundView } from "../../../subjects/payments.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { findPayment, lockPayment, refundOf, type RefundRow, refundView } from "../store.ts";
import { roleOf } from "../access.ts";
import { ProviderError } from "../providers/provider.ts";
import { recordRefund } from "./ledger.ts";
import { facts } from "./facts.ts";
import { paymentMetrics } from "../metrics.ts";

const REFUNDABLE = ["succeeded", "partially_refunded"];

/** POST /v1/payments/{id}/refund: the event's organizers and admins; the payer refunds by cancelling the booking. */
export async function requestRefund(deps: Deps, caller: Principal, input: { paymentId: string; amountMinor?: number }): Promise<RefundView> {
  const role = await roleOf(deps, caller, await findPayment(deps.db, input.paymentId));
  if (role === "payer") {
    // The event's refund rules (deadline, share) live with the booking: cancelling it refunds what they allow.
    throw forbidden("attendees get refunds by cancelling the booking (POST /v1/bookings/{id}/cancel), within the event's refund rules");
  }
  const refund = await reserve(deps, { paymentId: input.paymentId, amountMinor: input.amountMinor, reason: "requested", requestedBy: caller.sub });
  return refundView(await processRefund(deps, refund.id));
}

/** evt.booking.cancelled with refundDueMinor > 0: refunds that much (capped at what is left), once per message. */
export async function refundForCancelledBooking(
  deps: Deps,
  m: { messageId: string; paymentId: string | null; orderId: string; refundDueMinor: number },
): Promise<void> {
  if (m.refundDueMinor <= 0) return;
  const paymentId = m.paymentId ?? (await deps.db("payments").where({ order_id: m.orderId }).whereIn("status", REFUNDABLE).first("id"))?.id;
  if (!paymentId) return;
  const refund = await reserve(deps, {
    paymentId,
    amountMinor: m.refundDueMinor,
    reason: "booking_cancelled",
    requestedBy: null,
    sourceKey: `booking-cancelled:${m.messageId}`,
    cap: true,
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 409) {
      deps.log.warn({ err, paymentId }, "booking cancelled but nothing left to refund");
      return undefined;
    }
    throw err;
  });
  if (refund) {
    await processRefund(deps, refund.id).catch((err: unknown) => deps.log.error({ err, refundId: refund.id }, "refund failed; the retry pass will try again"));
  }
}

async function reserve(
  deps: Deps,
  r: { paymentId: string; amountMinor?: number; reason: RefundRow["reason"]; requestedBy: string | null; sourceKey?: string; cap?: boolean },
): Promise<RefundRow> {
  return deps.db.transaction(async (trx) => {
    if (r.sourceKey) {
      const again = await trx("refunds").where({ source_key: r.sourceKey }).first();
      if (again) return refundOf(again);
    }
    const p = await lockPayment(trx, r.paymentId);
    if (!p) throw new AppError("not_found", "payment not found");
    if (!REFUNDABLE.includes(p.status)) throw new AppError("not_refundable", `a ${p.status} payment cannot be refunded`, { status: 409 });
    const [{ reserved }] = await trx("refunds").where({ payment_id: p.id }).whereIn("status", ["pending", "succeeded"]).sum({ reserved: "amount_minor" });
    const left = p.amount_minor - Number(reserved ?? 0);
    let amount = r.amountMinor ?? left;
    if (r.cap) amount = Math.min(amount, left);
    if (amount <= 0 || amount > left) {
      throw new AppError("refund_exceeds_paid", `only ${left} (minor units) is left to refund`, {
        status: 409,
        details: [{ field: "amountMinor", message: `at most ${left}` }],
      });
    }
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
    await trx("refunds").insert(row);
    return refundOf({ ...row, failure: null, created_at: deps.now(), updated_at: deps.now() });
  });
}

/** Asks the provider for a pending refund and records the outcome. Answers the refund as it stands. */
export async function processRefund(deps: Deps, refundId: string, opts: { checkProviderFirst?: boolean } = {}): Promise<RefundRow> {
  const refund = refundOf(await deps.db("refunds").where({ id: refundId }).first());
  if (refund.status !== "pending") return refund;
  const p = (await findPayment(deps.db, refund.payment_id))!;
  let alreadyDone = false;
  if (opts.checkProviderFirst) {
    const status = await deps.provider.status({ providerPaymentId: p.provider_payment_id ?? undefined, orderId: p.id });
    const [{ done }] = await deps.db("refunds").where({ payment_id: p.id, status: "succeeded" }).sum({ done: "amount_minor" });
    alreadyDone = (status.refundedMinor ?? 0) >= Number(done ?? 0) + refund.amount_minor;
  }
  if (!alreadyDone) {
    try {
      await deps.provider.refund(p.provider_payment_id!, p.currency, refund.amount_minor);
    } catch (err) {
      if (err instanceof ProviderError && !err.retryable) return finish(deps, refund, { failure: err.message });
      paymentMetrics().refunds.add(1, { outcome: "retry" });
      await deps.db("refunds").where({ id: refund.id, status: "pending" }).update({
        retry_at: new Date(deps.now().getTime() + 30_000),
        updated_at: deps.now(),
      });
      throw err;
    }
  }
  return finish(deps, refund, {});
}

async function finish(deps: Deps, refund: RefundRow, outcome: { failure?: string }): Promise<RefundRow> {
  const now = deps.now();
  const done = await deps.db.transaction(async (trx) => {
    const p = (await lockPayment(trx, refund.payment_id))!;
    const current = refundOf(await trx("refunds").where({ id: refund.id }).forUpdate().first());
    if (current.status !== "pending") return current;
    if (outcome.failure) {
      await trx("refunds").where({ id: refund.id }).update({ status: "failed", failure: outcome.failure.slice(0, 500), retry_at: null, updated_at: now });
      return { ...current, status: "failed" as const, failure: outcome.failure, updated_at: now };
    }
    const refunded = p.refunded_minor + current.amount_minor;
    const status = refunded >= p.amount_minor ? ("refunded" as const) : ("partially_refunded" as const);
    await trx("refunds").where({ id: refund.id }).update({ status: "succeeded", retry_at: null, updated_at: now });
    await trx("payments").where({ id: p.id }).update({ refunded_minor: refunded, status, updated_at: now });
    const after = { ...p, refunded_minor: refunded, status };
    await recordRefund(trx, after, current);
    await enqueue(trx, paymentEvents.refunded, { ...facts(after, now), refundId: current.id, refundAmountMinor: current.amount_minor }, { source: SOURCE });
    return { ...current, status: "succeeded" as const, updated_at: now };
  });
  deps.flushOutbox();
  paymentMetrics().refunds.add(1, { outcome: done.status });
  return done;
}
