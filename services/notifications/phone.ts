/**
 * Phones for SMS: how a verification code is kept at rest and how a phone row reads to its owner.
 * Shared by the phone use cases.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { PhoneState } from "../../subjects/notifications/sms.ts";
import type { Phone } from "./store/sms.ts";

/** A 6-digit code, uniformly drawn (leading zeros kept). */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * HMAC-SHA256 of (user, number, code) with SMS_CODE_SECRET: a row read from the database does not
 * give the code back (a plain hash of one of a million codes would), and a code is bound to the
 * number it was sent to.
 */
export function codeHash(secret: string, userId: string, number: string, code: string): string {
  return createHmac("sha256", secret).update(`${userId}\n${number}\n${code}`).digest("base64url");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The owner's view: the verified number and its state, and a pending number while its code still works. */
export function phoneState(p: Phone | undefined, now: Date, maxAttempts: number): PhoneState {
  const pendingLive = p?.pendingNumber && p.codeExpiresAt && p.codeExpiresAt > now && p.codeAttempts < maxAttempts;
  return {
    number: p?.number && p.verifiedAt ? p.number : null,
    status: !p?.number || !p.verifiedAt ? "none" : p.suppressedAt ? "suppressed" : "verified",
    verifiedAt: p?.number && p.verifiedAt ? p.verifiedAt.toISOString() : null,
    pending: pendingLive ? { number: p.pendingNumber!, codeExpiresAt: p.codeExpiresAt!.toISOString(), attemptsLeft: maxAttempts - p.codeAttempts } : null,
  };
}
