/**
 * A local stand-in of FreedomPay's Merchant API, for tests and `make up`. It behaves like the
 * provider where that matters to us: it refuses requests whose `pg_sig` does not verify, signs its
 * own replies, shows a payment page (pay / decline / bank timeout), and posts signed result
 * callbacks to the merchant's `pg_result_url`, retrying until it gets HTTP 200 — every
 * `callbackRetryMs` (30 min at the provider) for `callbackAttempts` tries (2 h) — where only the
 * first attempt allows `rejected`. An answer `rejected` to a rejectable attempt reverses the payment.
 * A Koa app that never listens: the payments service mounts it on its own port, tests may too.
 *
 * Test hooks (not part of the provider's API): `pay(id, {deliver:false})` loses the callback,
 * `callbackFields(id)` builds a correctly signed callback for a test to post itself.
 */
import Koa from "koa";
import { type Fields, fieldsOf, flat, fromForm, toForm } from "../providers/fields.ts";
import { scriptName, verify, withSignature } from "../providers/signature.ts";
import { buildXml, parseXml } from "../providers/xml.ts";
import { formatAmount, parseAmount } from "../providers/provider.ts";
import { salt } from "../providers/freedompay.ts";
import { httpRequest, keepAliveAgent } from "../providers/http.ts";
import type { Agent } from "node:http";

export type SandboxPayment = {
  id: string;
  orderId: string;
  amount: string;
  currency: string;
  description: string;
  createdAt: number;
  lifetimeSeconds: number;
  resultUrl?: string;
  successUrl?: string;
  failureUrl?: string;
  testing: boolean;
  autoClearing: boolean;
  status: "pending" | "success" | "failed" | "revoked";
  captured: boolean;
  refundedMinor: number;
  failureCode?: string;
  /** The provider's fee on this payment, in minor units: the callback's pg_net_amount is the amount less it. */
  feeMinor: number;
  /** Answers the merchant gave to our callbacks, in order. */
  answers: Array<{ attempt: number; httpStatus: number; status?: string; description?: string; signatureOk: boolean; body: string }>;
};

export type SandboxOptions = {
  merchantId: string;
  secretKey: string;
  /** Base URL the payer's browser reaches the sandbox at (for pg_redirect_url). */
  baseUrl(): string;
  /** Pause between callback attempts (the provider: 30 min). */
  callbackRetryMs?: number;
  /** Attempts in all (the provider: every 30 min for 2 h = 5). */
  callbackAttempts?: number;
  /** How long "bank timeout" leaves a payment pending before it fails. */
  bankTimeoutMs?: number;
  /** The provider's fee, percent of each payment (rounded to a minor unit); 0 by default. */
  feePercent?: number;
  /** Time source (tests); defaults to Date.now. */
  now?(): number;
};

export type Sandbox = {
  app: Koa;
  payments: Map<string, SandboxPayment>;
  byOrder(orderId: string): SandboxPayment | undefined;
  /** The payer pays. `deliver: false` loses every callback (the reconciliation case). */
  /** The payer pays. `feeMinor` sets the provider's fee on this payment (else feePercent). */
  pay(id: string, opts?: { deliver?: boolean; canReject?: boolean; feeMinor?: number }): Promise<void>;
  decline(id: string): Promise<void>;
  /** The bank does not answer: pending, then failed after bankTimeoutMs. */
  bankTimeout(id: string): void;
  /** A correctly signed result callback for the payment as it stands. */
  callbackFields(id: string, opts?: { canReject?: boolean; result?: boolean }): Fields;
  /** Resolves when every callback in flight has finished its attempts (or been answered). */
  idle(): Promise<void>;
  stop(): void;
};

export function createSandbox(opts: SandboxOptions): Sandbox {
  const retryMs = opts.callbackRetryMs ?? 30 * 60_000;
  const attempts = opts.callbackAttempts ?? 5;
  const bankTimeoutMs = opts.bankTimeoutMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const payments = new Map<string, SandboxPayment>();
  const orders = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let seq = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  let stopped = false;

  const later = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const reply = (script: string, fields: Record<string, unknown>) =>
    buildXml("response", withSignature(script, fieldsOf({ ...fields, pg_salt: salt() }), opts.secretKey));
  const error = (script: string, code: string, description: string) =>
    reply(script, { pg_status: "error", pg_error_code: code, pg_error_description: description });

  function callbackFields(id: string, o: { canReject?: boolean; result?: boolean } = {}): Fields {
    const p = payments.get(id);
    if (!p) throw new Error(`no sandbox payment ${id}`);
    const success = o.result ?? p.status === "success";
    return withSignature(
      scriptName(p.resultUrl ?? ""),
      fieldsOf({
        pg_order_id: p.orderId,
        pg_payment_id: p.id,
        pg_amount: p.amount,
        pg_currency: p.currency,
        pg_net_amount: formatAmount(parseAmount(p.amount, p.currency)! - p.feeMinor, p.currency),
        pg_ps_amount: p.amount,
        pg_ps_full_amount: p.amount,
        pg_ps_currency: p.currency,
        pg_description: p.description,
        pg_result: success ? 1 : 0,
        pg_payment_date: new Date(now()).toISOString().slice(0, 19).replace("T", " "),
        pg_can_reject: o.canReject ?? true ? 1 : 0,
        pg_testing_mode: p.testing ? 1 : 0,
        pg_captured: p.captured ? 1 : 0,
        pg_card_pan: success ? "4405-64XX-XXXX-6150" : undefined,
        pg_card_brand: success ? "VI" : undefined,
        pg_payment_system: "EPAYWEBKZT",
        pg_failure_code: success ? undefined : (p.failureCode ?? "decline"),
        pg_failure_description: success ? undefined : p.failureCode === "bank_timeout" ? "The bank did not answer in time" : "Declined by the issuer",
        pg_salt: salt(),
      }),
      opts.secretKey,
    );
  }

  // Kept-alive connections to the merchant, per scheme (as the provider's servers keep theirs).
  const agents = new Map<string, Agent>();
  const agentFor = (url: URL) => agents.get(url.protocol) ?? agents.set(url.protocol, keepAliveAgent(url)).get(url.protocol)!;

  /** Posts the result callback until HTTP 200, as the provider does. */
  function deliver(p: SandboxPayment, lose = false, firstCanReject = true): void {
    if (!p.resultUrl) return;
    const run = (async () => {
      for (let attempt = 1; attempt <= attempts && !stopped; attempt++) {
        if (attempt > 1) await later(retryMs);
        if (stopped) return;
        if (lose) continue;
        const canReject = attempt === 1 && firstCanReject;
        const fields = callbackFields(p.id, { canReject });
        let httpStatus = 0;
        let body = "";
        try {
          const url = new URL(p.resultUrl!);
          const res = await httpRequest(url, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: toForm(fields),
            timeoutMs: 30_000,
            agent: agentFor(url),
          });
          httpStatus = res.status;
          body = res.text;
        } catch {
          httpStatus = 0;
        }
        let status: string | undefined;
        let description: string | undefined;
        let signatureOk = false;
        if (httpStatus === 200) {
          try {
            const answer = parseXml(body).fields;
            signatureOk = verify(scriptName(p.resultUrl!), answer, opts.secretKey);
            status = flat(answer).pg_status;
            description = flat(answer).pg_description;
          } catch {
            /* an unreadable answer still counts as delivered (HTTP 200) */
          }
        }
        p.answers.push({ attempt, httpStatus, status, description, signatureOk, body });
        if (httpStatus !== 200) continue;
        if (status === "rejected" && canReject && signatureOk && p.status === "success") {
          p.status = "revoked";
          p.refundedMinor = parseAmount(p.amount, p.currency) ?? 0;
        }
        return;
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  const app = new Koa();
  app.use(async (ctx) => {
    const path = ctx.path;
    const raw = ctx.method === "POST" ? await readBody(ctx.req) : ctx.querystring;
    const fields = fromForm(raw);
    const f = flat(fields);

    if (ctx.method === "GET" && path.startsWith("/pay/")) {
      const p = payments.get(decodeURIComponent(path.slice(5)));
      if (!p) return void ((ctx.status = 404), (ctx.body = "no such payment"));
      ctx.type = "text/html; charset=utf-8";
      ctx.body = page(p, expired(p));
      return;
    }
    if (ctx.method === "POST" && path.startsWith("/pay/")) {
      const id = decodeURIComponent(path.slice(5));
      const p = payments.get(id);
      if (!p) return void ((ctx.status = 404), (ctx.body = "no such payment"));
      const action = f.action;
      if (action === "pay") await pay(id);
      else if (action === "decline") await decline(id);
      else if (action === "timeout") bankTimeout(id);
      else return void ((ctx.status = 400), (ctx.body = "action must be pay, decline or timeout"));
      const back = p.status === "success" ? p.successUrl : p.status === "failed" ? p.failureUrl : undefined;
      if (back) {
        const u = new URL(back);
        u.searchParams.set("pg_order_id", p.orderId);
        u.searchParams.set("pg_payment_id", p.id);
        ctx.redirect(u.toString());
        ctx.status = 303;
      } else {
        ctx.type = "text/html; charset=utf-8";
        ctx.body = page(p, false);
      }
      return;
    }

    const script = scriptName(path);
    const known = ["init_payment.php", "get_status3.php", "revoke.php", "cancel.php", "do_capture.php"];
    if (ctx.method !== "POST" || !known.includes(script)) return void ((ctx.status = 404), (ctx.body = "not found"));
    ctx.type = "text/xml; charset=utf-8";
    if (f.pg_merchant_id !== opts.merchantId) {
      // The provider's only unsigned answer: it cannot tell whose secret to sign with.
      ctx.body = buildXml("response", fieldsOf({ pg_status: "error", pg_error_code: "101", pg_error_description: "Merchant not found" }));
      return;
    }
    if (!verify(script, fields, opts.secretKey)) return void (ctx.body = error(script, "9999", "Invalid signature"));
    if (!f.pg_salt) return void (ctx.body = error(script, "9999", "pg_salt is required"));

    if (script === "init_payment.php") {
      const currency = f.pg_currency ?? "KZT";
      const minor = f.pg_amount === undefined ? undefined : parseAmount(f.pg_amount, currency);
      if (minor === undefined || minor < 1) return void (ctx.body = error(script, "340", "pg_amount is invalid"));
      if (!f.pg_description) return void (ctx.body = error(script, "340", "pg_description is required"));
      const lifetime = f.pg_lifetime === undefined ? 86_400 : Number(f.pg_lifetime);
      if (!Number.isInteger(lifetime) || lifetime < 300 || lifetime > 604_800) return void (ctx.body = error(script, "340", "pg_lifetime must be 300..604800"));
      const orderId = f.pg_order_id ?? "";
      const existing = orderId ? payments.get(orders.get(orderId) ?? "") : undefined;
      if (existing) {
        if (existing.amount !== f.pg_amount || existing.currency !== currency) {
          return void (ctx.body = error(script, "350", "pg_order_id already used with other data"));
        }
        return void (ctx.body = reply(script, {
          pg_status: "ok",
          pg_payment_id: existing.id,
          pg_redirect_url: `${opts.baseUrl()}/pay/${existing.id}`,
          pg_redirect_url_type: "need data",
        }));
      }
      const p: SandboxPayment = {
        id: String(seq++),
        orderId,
        amount: f.pg_amount!,
        currency,
        description: f.pg_description,
        createdAt: now(),
        lifetimeSeconds: lifetime,
        resultUrl: f.pg_result_url,
        successUrl: f.pg_success_url,
        failureUrl: f.pg_failure_url,
        testing: f.pg_testing_mode === "1",
        autoClearing: f.pg_auto_clearing !== "0",
        status: "pending",
        captured: false,
        refundedMinor: 0,
        feeMinor: 0,
        answers: [],
      };
      payments.set(p.id, p);
      if (orderId) orders.set(orderId, p.id);
      ctx.body = reply(script, { pg_status: "ok", pg_payment_id: p.id, pg_redirect_url: `${opts.baseUrl()}/pay/${p.id}`, pg_redirect_url_type: "need data" });
      return;
    }

    const p = f.pg_payment_id ? payments.get(f.pg_payment_id) : f.pg_order_id ? payments.get(orders.get(f.pg_order_id) ?? "") : undefined;
    if (!p) return void (ctx.body = error(script, "400", "Payment not found"));
    const total = parseAmount(p.amount, p.currency) ?? 0;

    if (script === "get_status3.php") {
      const state = p.status === "success"
        ? (p.refundedMinor > 0 ? "partial" : "success")
        : p.status === "revoked"
        ? "failed"
        : p.status === "failed"
        ? "failed"
        : expired(p)
        ? "incomplete"
        : "pending";
      ctx.body = reply(script, {
        pg_status: "ok",
        pg_payment_id: p.id,
        pg_order_id: p.orderId,
        pg_payment_status: state === "partial" ? "success" : state,
        pg_amount: p.amount,
        pg_currency: p.currency,
        pg_can_reject: p.status === "success" ? 1 : 0,
        pg_captured: p.captured ? 1 : 0,
        pg_refund_amount: p.refundedMinor ? `-${formatAmount(p.refundedMinor, p.currency)}` : undefined,
        pg_create_date: new Date(p.createdAt).toISOString().slice(0, 19).replace("T", " "),
      });
      return;
    }
    if (script === "revoke.php") {
      if (p.status !== "success" || !p.captured) return void (ctx.body = error(script, "600", "Payment cannot be refunded"));
      const asked = f.pg_refund_amount === undefined || f.pg_refund_amount === "0" ? total - p.refundedMinor : parseAmount(f.pg_refund_amount, p.currency);
      if (asked === undefined || asked <= 0 || asked > total - p.refundedMinor) {
        return void (ctx.body = error(script, "601", "Refund amount exceeds the remaining amount"));
      }
      p.refundedMinor += asked;
      ctx.body = reply(script, { pg_status: "ok" });
      return;
    }
    if (script === "cancel.php") {
      if (p.captured || p.status !== "success") return void (ctx.body = error(script, "602", "Only an authorised, uncaptured payment can be cancelled"));
      p.status = "revoked";
      ctx.body = reply(script, { pg_status: "ok" });
      return;
    }
    // do_capture.php
    if (p.captured || p.status !== "success") return void (ctx.body = error(script, "603", "Nothing to capture"));
    const clearing = f.pg_clearing_amount === undefined ? total : parseAmount(f.pg_clearing_amount, p.currency);
    if (clearing === undefined || clearing <= 0 || clearing > total) return void (ctx.body = error(script, "604", "Clearing amount is invalid"));
    p.captured = true;
    ctx.body = reply(script, { pg_status: "ok", pg_clearing_amount: formatAmount(clearing, p.currency) });
  });

  function expired(p: SandboxPayment): boolean {
    return now() > p.createdAt + p.lifetimeSeconds * 1000;
  }

  async function pay(id: string, o: { deliver?: boolean; canReject?: boolean; feeMinor?: number } = {}): Promise<void> {
    const p = payments.get(id);
    if (!p || p.status !== "pending") return;
    p.feeMinor = o.feeMinor ?? Math.round((parseAmount(p.amount, p.currency)! * (opts.feePercent ?? 0)) / 100);
    if (expired(p)) {
      p.status = "failed";
      p.failureCode = "lifetime_expired";
    } else {
      p.status = "success";
      p.captured = p.autoClearing;
    }
    deliver(p, o.deliver === false, o.canReject ?? true);
  }

  async function decline(id: string): Promise<void> {
    const p = payments.get(id);
    if (!p || p.status !== "pending") return;
    p.status = "failed";
    p.failureCode = "decline";
    deliver(p);
  }

  function bankTimeout(id: string): void {
    const p = payments.get(id);
    if (!p || p.status !== "pending") return;
    p.failureCode = "bank_timeout";
    const run = later(bankTimeoutMs).then(() => {
      if (stopped || p.status !== "pending") return;
      p.status = "failed";
      deliver(p);
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  return {
    app,
    payments,
    byOrder: (orderId) => payments.get(orders.get(orderId) ?? ""),
    pay,
    decline,
    bankTimeout,
    callbackFields,
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    stop() {
      stopped = true;
      for (const a of agents.values()) a.destroy();
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

async function readBody(req: NodeJS.ReadableStream): Promise<string> {
  let s = "";
  for await (const chunk of req) {
    s += String(chunk);
    if (s.length > 256 * 1024) throw new Error("body too large");
  }
  return s;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(p: SandboxPayment, isExpired: boolean): string {
  const state = isExpired && p.status === "pending"
    ? "expired"
    : p.status === "pending" && p.failureCode === "bank_timeout"
    ? "waiting for the bank…"
    : p.status;
  const buttons = p.status === "pending" && !isExpired && p.failureCode !== "bank_timeout"
    ? `<form method="post"><button name="action" value="pay">Pay</button> <button name="action" value="decline">Decline</button> <button name="action" value="timeout">Bank timeout</button></form>`
    : "";
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>FreedomPay sandbox</title>
<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">
<h1>FreedomPay sandbox</h1><p>${esc(p.description)}</p>
<p><strong>${esc(p.amount)} ${esc(p.currency)}</strong> · payment ${esc(p.id)} · order ${esc(p.orderId)}</p>
<p>Status: <strong id="status">${esc(state)}</strong></p>${buttons}
<p><small>Test stand-in of the provider; no money moves.</small></p></body></html>`;
}
