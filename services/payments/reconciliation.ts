/**
 * Reconciliation's timer: creating a payment schedules it, a callback that decides the payment
 * cancels it, and when it fires the payment is looked up with the provider
 * (usecases/reconcile-payment.ts).
 */

/** WARNING: a stored timer kind; renaming it strands planned reconciliations. */
export const RECONCILE_TIMER = "payments.reconcile";
/** A payment still pending this long after its page expired fails (bookings releases the seats). */
export const EXPIRY_GRACE_MS = 5 * 60_000;

/** Whether a payment still without a result has outlived its page (and the grace after it) at `now`. */
export function pageExpired(expiresAt: Date | string, now: Date): boolean {
  return now.getTime() > new Date(expiresAt).getTime() + EXPIRY_GRACE_MS;
}
