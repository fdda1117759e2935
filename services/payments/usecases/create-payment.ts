/**
 * Starts paying a held booking: the amount and currency are the booking's (never the client's),
 * the provider's page lives no longer than the hold, and a booking has one live payment — asking
 * again answers the live one. Order of steps: our row (created) → the provider's page → bookings'
 * begin-payment and pending together. A provider failure leaves the booking held (the payer may retry); a
 * booking that expired meanwhile cancels the payment (if it is paid anyway, the callback rejects
 * or refunds it).
 */
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../kit/errors.ts";
import { outboxWrite } from "../../kit/outbox.ts";
import { writeAtOnce } from "../../kit/db.ts";
import { paymentEvents } from "../../../subjects/payments.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { type Deps, SOURCE } from "../deps.ts";
import { paymentLifetimeSeconds } from "../hold-lifetime.ts";
import { payingContextOf, paymentInsert, type PaymentRow, savedMethodToken, updatePayment } from "../store.ts";
import { ProviderError } from "../providers/provider.ts";
import { facts } from "../facts.ts";
import { timersWrite } from "../../kit/timers.ts";
import { RECONCILE_TIMER } from "../reconciliation.ts";

export type CreateInput = { bookingId: string; methodId?: string; returnUrl?: string };

export async function createPayment(
  deps: Deps,
  caller: Principal,
  input: CreateInput,
): Promise<{ paymentId: string; redirectUrl: string; status: PaymentRow["status"] }> {
  const order = await deps.bookings.get(input.bookingId).catch((err: unknown) => {
    if ((err as { status?: number }).status === 404) throw notFound("booking");
    throw err;
  });
  // The booking's live payment and the event's owner in one read; a live payment answers first,
  // whatever the booking's state now (asking again answers the live one).
  const { live: p, owner: projected } = await payingContextOf(deps.db, order.id, order.eventId);
  if (p) {
    if (p.user_id !== caller.sub) throw notFound("booking");
    if (p.status === "created" || p.status === "pending") return { paymentId: p.id, redirectUrl: p.redirect_url ?? "", status: p.status };
    throw new AppError("already_paid", "this booking is already paid", { status: 409 });
  }
  if (order.userId !== caller.sub) throw notFound("booking");
  if (order.status !== "reserved" && order.status !== "awaiting_payment") {
    throw new AppError("order_not_payable", `the booking is ${order.status}`, { status: 409 });
  }
  if (!order.currency || order.totalMinor <= 0) throw new AppError("order_not_payable", "the booking is free", { status: 409 });
  const now = deps.now();
  const lifetimeSeconds = paymentLifetimeSeconds(order.reservedUntil, now);
  const owner = projected ?? await deps.eventOwner(order.eventId);
  if (!owner) throw new AppError("unavailable", "the booking's event is not known to payments yet; try again", { status: 503 });
  let methodToken: string | undefined;
  if (input.methodId && /^[0-9a-f-]{36}$/.test(input.methodId)) {
    methodToken = await savedMethodToken(deps.db, input.methodId, caller.sub);
    if (!methodToken) throw new AppError("invalid_request", "no such saved method", { status: 400, details: [{ field: "methodId", message: "unknown" }] });
  }

  const id = randomUUID();
  const row = {
    id,
    order_id: order.id,
    event_id: order.eventId,
    user_id: caller.sub,
    organizer_id: owner.organizerId,
    organization_id: owner.organizationId,
    status: "created" as const,
    amount_minor: order.totalMinor,
    currency: order.currency,
    provider: deps.provider.name,
    expires_at: new Date(order.reservedUntil!),
  };
  try {
    // The row, its reconciliation timer and evt.payment.created commit together, before the
    // provider hears of the payment: one statement, no transaction block.
    await writeAtOnce(deps.db, [
      paymentInsert(deps.db, row),
      timersWrite(deps.db, [{ kind: RECONCILE_TIMER, key: id, dueAt: new Date(now.getTime() + deps.config.reconcileAfterMs) }]),
      outboxWrite(deps.db, [{ contract: paymentEvents.created, data: facts({ ...row, refunded_minor: 0 } as PaymentRow, now) }], { source: SOURCE, at: now }),
    ]);
  } catch (err) {
    // Two requests for the same booking at once: the unique index lets one through.
    if ((err as { code?: string }).code === "23505") return createPayment(deps, caller, input);
    throw err;
  }

  let page: { providerPaymentId: string; redirectUrl: string };
  try {
    page = await deps.provider.create({
      orderId: id,
      amountMinor: order.totalMinor,
      currency: order.currency,
      description: `${owner.title.slice(0, 180)}: ${order.seats} seat(s), booking ${order.id}`,
      lifetimeSeconds,
      resultUrl: deps.config.resultUrl,
      successUrl: input.returnUrl,
      failureUrl: input.returnUrl,
      methodToken,
    });
  } catch (err) {
    await updatePayment(deps.db, { id }, { status: "cancelled", failure: `provider: ${(err as Error).message}`.slice(0, 500) }, deps.now());
    if (err instanceof ProviderError) throw new AppError("provider_unavailable", "the payment provider did not answer; try again", { status: 503, cause: err });
    throw err;
  }
  // Bookings' begin-payment and our move to pending (with the provider's page) at once: neither
  // needs the other's result, and a checkout waited for both in turn. If bookings refuses, the
  // payment is cancelled after both settled, so the move to pending cannot land after the cancel.
  const [begun, moved] = await Promise.allSettled([
    deps.bookings.beginPayment(order.id, id),
    updatePayment(
      deps.db,
      { id, status: "created" },
      { status: "pending", provider_payment_id: page.providerPaymentId, redirect_url: page.redirectUrl },
      deps.now(),
    ),
  ]);
  if (begun.status === "rejected") {
    await updatePayment(
      deps.db,
      { id },
      { status: "cancelled", provider_payment_id: page.providerPaymentId, failure: "booking refused the payment" },
      deps.now(),
    );
    throw begun.reason;
  }
  if (moved.status === "rejected") throw moved.reason;
  return { paymentId: id, redirectUrl: page.redirectUrl, status: "pending" };
}
