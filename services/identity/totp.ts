/** TOTP (RFC 6238: SHA-1, 6 digits, 30 s) and single-use recovery codes. */
import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { sha256 } from "./secrets.ts";

const PERIOD = 30;

export function newTotp(issuer: string, label: string, secretBase32?: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: secretBase32 ? Secret.fromBase32(secretBase32) : new Secret({ size: 20 }),
  });
}

/**
 * The time step a code is valid for (±1 step of clock drift), or null. A step at or before
 * `lastStep` was already used: a code observed over a shoulder cannot be replayed. `now` (ms) is
 * the use case's clock.
 */
export function acceptedStep(secretBase32: string, code: string, lastStep: number | null, now: number): number | null {
  const delta = newTotp("x", "x", secretBase32).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like k3f9a-2m7qd (about 49 bits each, so a SHA-256 of them is enough at rest). */
export function newRecoveryCodes(n = 10): string[] {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: n }, () => `${part()}-${part()}`);
}

export const isRecoveryCode = (code: string) => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
const normal = (code: string) => code.trim().toLowerCase().replace("-", "");
/** Salted with the user's id: one precomputed table of the 2^49 codes does not open every account's. */
export const recoveryHash = (userId: string, code: string) => sha256(`recovery:${userId}:${normal(code)}`);
/** How codes were stored before they were salted; still accepted, never written. */
export const legacyRecoveryHash = (code: string) => sha256(normal(code));
