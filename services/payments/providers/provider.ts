/**
 * What the payments service needs of a payment provider. One implementation speaks FreedomPay's
 * Merchant API (freedompay.ts); the sandbox (../sandbox/) is a local stand-in of that API, so
 * `PAYMENTS_PROVIDER=sandbox` runs the very same adapter against a local host — what the tests
 * prove is the code production runs.
 */
import type { Fields } from "./fields.ts";

export type CreatePayment = {
  /** Our payment id: the provider's `pg_order_id`, echoed in every callback. */
  orderId: string;
  amountMinor: number;
  currency: string;
  description: string;
  /** How long the payment page accepts a payment; never longer than the booking's hold. */
  lifetimeSeconds: number;
  /** Where the provider posts the result (the only proof of payment). */
  resultUrl: string;
  successUrl?: string;
  failureUrl?: string;
  userEmail?: string;
  /** A saved method's provider token (card token), when paying with one. */
  methodToken?: string;
};

export type CreatedPayment = { providerPaymentId: string; redirectUrl: string };

/** A verified result callback, read. */
export type ResultNotice = {
  orderId: string;
  providerPaymentId: string;
  succeeded: boolean;
  amountMinor: number;
  currency: string;
  /** What reaches the merchant after the provider's fee (pg_net_amount), when the provider says. */
  netAmountMinor?: number;
  /** Whether answering `rejected` reverses the payment (only on the first attempt). */
  canReject: boolean;
  testing: boolean;
  salt: string;
  failureCode?: string;
  failureDescription?: string;
  cardPan?: string;
};

export type CallbackCheck = { ok: true; notice: ResultNotice } | { ok: false; reason: "signature" | "malformed"; salt?: string };

export type CallbackAnswer = { status: "ok" | "rejected" | "error"; description: string; salt: string };

export type ProviderState = "pending" | "succeeded" | "failed" | "unknown";

export type ProviderStatus = {
  state: ProviderState;
  providerPaymentId?: string;
  amountMinor?: number;
  currency?: string;
  canReject?: boolean;
  captured?: boolean;
  /** Refunded so far (positive). */
  refundedMinor?: number;
};

export type PaymentMethodInfo = { id: string; name: string; kind: "card" | "wallet" | "bank" };

export interface PaymentProvider {
  readonly name: string;
  create(p: CreatePayment): Promise<CreatedPayment>;
  /** Checks the signature over every received field, then reads the notice. */
  verifyCallback(script: string, fields: Fields): CallbackCheck;
  /** The signed XML answer to a callback (same salt as the request). */
  answerCallback(script: string, answer: CallbackAnswer): string;
  status(ref: { providerPaymentId?: string; orderId?: string }): Promise<ProviderStatus>;
  /** Full refund without an amount, partial with one. */
  refund(providerPaymentId: string, currency: string, amountMinor?: number): Promise<void>;
  /** Voids an authorised, not yet captured payment (two-step). */
  cancel(providerPaymentId: string): Promise<void>;
  /** Captures (clears) an authorised payment (two-step). */
  capture(providerPaymentId: string, currency: string, amountMinor: number): Promise<void>;
  methods(): PaymentMethodInfo[];
}

/** A refusal or failure reported by the provider (or an answer we could not trust). */
export class ProviderError extends Error {
  readonly code: string;
  /** Whether trying again later may succeed (network, timeouts, 5xx). */
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable = false) {
    super(message);
    this.name = "ProviderError";
    this.code = code;
    this.retryable = retryable;
  }
}

/** Currencies we take, with their minor-unit exponent (ISO 4217). */
export const CURRENCY_EXPONENT: Record<string, number> = { KZT: 2, KGS: 2, UZS: 2, RUB: 2, USD: 2, EUR: 2 };

/** Minor units → the provider's decimal text: 2500 → "25", 2550 → "25.50". Deterministic: it is signed. */
export function formatAmount(minor: number, currency: string): string {
  const exp = CURRENCY_EXPONENT[currency] ?? 2;
  if (!Number.isSafeInteger(minor) || minor < 0) throw new Error(`bad amount ${minor}`);
  const unit = 10 ** exp;
  const whole = Math.floor(minor / unit);
  const frac = minor % unit;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(exp, "0")}`;
}

/** The provider's decimal text → minor units, exactly (no float); undefined when malformed or too precise. */
export function parseAmount(text: string, currency: string): number | undefined {
  const exp = CURRENCY_EXPONENT[currency] ?? 2;
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > exp) return undefined;
  const minor = Number(m[2]) * 10 ** exp + Number(frac.padEnd(exp, "0") || "0");
  return m[1] ? -minor : minor;
}
