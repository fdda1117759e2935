/**
 * How long the provider's payment page may live: until the booking's hold ends, in whole seconds.
 * The provider accepts pg_lifetime of MIN_LIFETIME_SECONDS at least, so a hold with less left
 * cannot be paid safely (the page would outlive the seats).
 */
import { AppError } from "../kit/errors.ts";
import { MIN_LIFETIME_SECONDS } from "./deps.ts";

export function paymentLifetimeSeconds(reservedUntil: string | null | undefined, now: Date): number {
  const holdEnds = reservedUntil ? new Date(reservedUntil) : undefined;
  if (!holdEnds || holdEnds <= now) throw new AppError("order_expired", "the booking's hold is over", { status: 409 });
  const seconds = Math.floor((holdEnds.getTime() - now.getTime()) / 1000);
  if (seconds < MIN_LIFETIME_SECONDS) {
    throw new AppError("hold_too_short", `the booking's hold ends in ${seconds} s; the provider needs ${MIN_LIFETIME_SECONDS} s at least`, {
      status: 409,
      details: { field: "bookingId" },
    });
  }
  return seconds;
}
