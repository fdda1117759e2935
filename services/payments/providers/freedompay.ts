/**
 * FreedomPay (formerly PayBox.money) Merchant API: form posts to `<host>/<script>`, signed XML
 * replies. Every request and every reply is signed (signature.ts); a reply whose signature does
 * not check is not trusted. The only unsigned reply is the provider's "merchant not identified"
 * error (codes 101 / 9998), which we surface as a configuration error.
 */
import { randomBytes } from "node:crypto";
import { type HttpAnswer, httpRequest, keepAliveAgent } from "./http.ts";
import { type Fields, fieldsOf, flat, get, toForm } from "./fields.ts";
import { scriptName, verify, withSignature } from "./signature.ts";
import { buildXml, parseXml } from "./xml.ts";
import {
  type CallbackAnswer,
  type CallbackCheck,
  type CreatedPayment,
  type CreatePayment,
  formatAmount,
  parseAmount,
  type PaymentMethodInfo,
  type PaymentProvider,
  ProviderError,
  type ProviderStatus,
} from "./provider.ts";

export type FreedomPayConfig = {
  /** e.g. https://api.freedompay.kz (test: https://test-api.freedompay.kz), no trailing slash. */
  host: string;
  merchantId: string;
  secretKey: string;
  /** Sends `pg_testing_mode=1`. */
  testing: boolean;
  timeoutMs: number;
};

export const salt = (): string => randomBytes(12).toString("hex");

export function freedomPay(cfg: FreedomPayConfig): PaymentProvider {
  const host = cfg.host.replace(/\/+$/, "");
  const agent = keepAliveAgent(host);

  /**
   * Posts the form. A connection that fails before any answer (a kept-alive socket the server had
   * just closed) is tried once more for calls that are safe to repeat: init_payment.php (the same
   * pg_order_id answers the same payment) and get_status3.php — never for revoke/cancel/capture.
   */
  async function send(script: string, fields: Fields): Promise<HttpAnswer> {
    const url = new URL(`${host}/${script}`);
    const body = toForm(fields);
    const headers = { "content-type": "application/x-www-form-urlencoded", accept: "application/xml, text/xml" };
    const post = () => httpRequest(url, { method: "POST", headers, body, timeoutMs: cfg.timeoutMs, agent });
    try {
      return await post();
    } catch (err) {
      const repeatable = script === "init_payment.php" || script === "get_status3.php";
      if (!repeatable || (err as Error).name === "TimeoutError") throw err;
      return post();
    }
  }

  /** One signed call; returns the verified reply fields, or throws ProviderError. */
  async function callApi(script: string, params: Record<string, unknown>): Promise<Record<string, string>> {
    const fields = withSignature(script, fieldsOf({ pg_merchant_id: cfg.merchantId, ...params, pg_salt: salt() }), cfg.secretKey);
    let text: string;
    try {
      const res = await send(script, fields);
      text = res.text;
      if (res.status >= 500) throw new ProviderError("provider_unavailable", `${script}: HTTP ${res.status}`, true);
      if (res.status !== 200) throw new ProviderError("provider_http", `${script}: HTTP ${res.status}`);
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      const code = (err as Error & { code?: string }).code;
      throw new ProviderError("provider_unreachable", `${script}: ${(err as Error).message}${code ? ` (${code})` : ""}`, true);
    }
    let reply: Fields;
    try {
      reply = parseXml(text).fields;
    } catch {
      throw new ProviderError("provider_malformed", `${script}: reply is not XML`, true);
    }
    const r = flat(reply);
    if (r.pg_status === "error" && (r.pg_error_code === "101" || r.pg_error_code === "9998")) {
      throw new ProviderError("provider_merchant", `${script}: merchant not identified (${r.pg_error_code}): check PAYMENTS_MERCHANT_ID`);
    }
    if (!verify(script, reply, cfg.secretKey)) throw new ProviderError("provider_signature", `${script}: reply signature does not verify`, true);
    if (r.pg_status !== "ok") {
      throw new ProviderError(`provider_${r.pg_error_code ?? "error"}`, `${script}: ${r.pg_error_description ?? r.pg_description ?? "refused"}`);
    }
    return r;
  }

  return {
    name: "freedompay",

    async create(p: CreatePayment): Promise<CreatedPayment> {
      const r = await callApi("init_payment.php", {
        pg_order_id: p.orderId,
        pg_amount: formatAmount(p.amountMinor, p.currency),
        pg_currency: p.currency,
        pg_description: p.description.slice(0, 1024),
        // The provider accepts 300..604800 s; a shorter hold still caps it (we never sell past the hold).
        pg_lifetime: Math.max(300, Math.min(604_800, Math.floor(p.lifetimeSeconds))),
        pg_result_url: p.resultUrl,
        pg_request_method: "POST",
        pg_success_url: p.successUrl,
        pg_failure_url: p.failureUrl,
        pg_user_contact_email: p.userEmail,
        pg_card_token: p.methodToken,
        pg_testing_mode: cfg.testing ? 1 : 0,
      });
      if (!r.pg_payment_id || !r.pg_redirect_url) throw new ProviderError("provider_malformed", "init_payment.php: no payment id or redirect url");
      return { providerPaymentId: r.pg_payment_id, redirectUrl: r.pg_redirect_url };
    },

    verifyCallback(script: string, fields: Fields): CallbackCheck {
      const s = get(fields, "pg_salt");
      if (!verify(script, fields, cfg.secretKey)) return { ok: false, reason: "signature", salt: s };
      const f = flat(fields);
      const currency = f.pg_currency ?? "";
      const amount = f.pg_amount === undefined ? undefined : parseAmount(f.pg_amount, currency);
      if (!f.pg_order_id || !f.pg_payment_id || amount === undefined || !currency || (f.pg_result !== "0" && f.pg_result !== "1") || !s) {
        return { ok: false, reason: "malformed", salt: s };
      }
      return {
        ok: true,
        notice: {
          orderId: f.pg_order_id,
          providerPaymentId: f.pg_payment_id,
          succeeded: f.pg_result === "1",
          amountMinor: amount,
          currency,
          netAmountMinor: f.pg_net_amount === undefined ? undefined : parseAmount(f.pg_net_amount, currency),
          canReject: f.pg_can_reject === "1",
          testing: f.pg_testing_mode === "1",
          salt: s,
          failureCode: f.pg_failure_code,
          failureDescription: f.pg_failure_description,
          cardPan: f.pg_card_pan,
        },
      };
    },

    answerCallback(script: string, a: CallbackAnswer): string {
      const fields = withSignature(script, fieldsOf({ pg_salt: a.salt, pg_status: a.status, pg_description: a.description }), cfg.secretKey);
      return buildXml("response", fields);
    },

    async status(ref): Promise<ProviderStatus> {
      let r: Record<string, string>;
      try {
        r = await callApi("get_status3.php", { pg_payment_id: ref.providerPaymentId, pg_order_id: ref.orderId });
      } catch (err) {
        // "Payment not found": it was never created (the browser never reached the page).
        if (err instanceof ProviderError && /not.?found|не найден/i.test(err.message)) return { state: "unknown" };
        throw err;
      }
      const currency = r.pg_currency ?? "";
      const s = r.pg_payment_status;
      const state = s === "success" || s === "partial"
        ? "succeeded"
        : s === "failed" || s === "incomplete" || s === "revoked"
        ? "failed"
        : s === "pending" || s === "ok"
        ? "pending"
        : "unknown";
      const refunded = r.pg_refund_amount ? parseAmount(r.pg_refund_amount, currency) : undefined;
      return {
        state,
        providerPaymentId: r.pg_payment_id,
        amountMinor: r.pg_amount ? parseAmount(r.pg_amount, currency) : undefined,
        currency: currency || undefined,
        canReject: r.pg_can_reject === "1",
        captured: r.pg_captured === undefined ? undefined : r.pg_captured === "1",
        refundedMinor: refunded === undefined ? undefined : Math.abs(refunded),
      };
    },

    async refund(providerPaymentId: string, currency: string, amountMinor?: number): Promise<void> {
      // Without pg_refund_amount (or with 0) the provider refunds everything.
      await callApi("revoke.php", {
        pg_payment_id: providerPaymentId,
        pg_refund_amount: amountMinor === undefined ? undefined : formatAmount(amountMinor, currency),
      });
    },

    async cancel(providerPaymentId: string): Promise<void> {
      await callApi("cancel.php", { pg_payment_id: providerPaymentId });
    },

    async capture(providerPaymentId: string, currency: string, amountMinor: number): Promise<void> {
      await callApi("do_capture.php", { pg_payment_id: providerPaymentId, pg_clearing_amount: formatAmount(amountMinor, currency) });
    },

    methods(): PaymentMethodInfo[] {
      // The Merchant API has no listing call; the page offers what the store enabled. These are the
      // systems a KZ store has by default (REVIEW: make it configuration when a store differs).
      return [
        { id: "card", name: "Bank card (Visa, Mastercard)", kind: "card" },
        { id: "kaspi", name: "Kaspi", kind: "wallet" },
        { id: "apple_pay", name: "Apple Pay", kind: "wallet" },
        { id: "google_pay", name: "Google Pay", kind: "wallet" },
      ];
    },
  };
}

export { scriptName };
