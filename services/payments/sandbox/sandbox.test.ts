import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { createSandbox, type Sandbox } from "./sandbox.ts";
import { freedomPay } from "../providers/freedompay.ts";
import { fromForm } from "../providers/fields.ts";
import { type PaymentProvider, ProviderError, type ResultNotice } from "../providers/provider.ts";

const listen = async (handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> => {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

describe("FreedomPay adapter against the sandbox", () => {
  let sandbox: Sandbox;
  let sandboxHttp: { server: Server; url: string };
  let merchant: { server: Server; url: string };
  let provider: PaymentProvider;
  /** How the merchant answers the next callbacks: HTTP status, then (on 200) ok/rejected. */
  let plan: Array<number | "ok" | "rejected"> = [];
  const received: ResultNotice[] = [];

  before(async () => {
    sandbox = createSandbox({
      merchantId: "552170",
      secretKey: "sandbox-secret",
      baseUrl: () => sandboxHttp.url,
      callbackRetryMs: 20,
      callbackAttempts: 5,
      bankTimeoutMs: 30,
    });
    sandboxHttp = await listen(sandbox.app.callback());
    provider = freedomPay({ host: sandboxHttp.url, merchantId: "552170", secretKey: "sandbox-secret", testing: true, timeoutMs: 5_000 });
    merchant = await listen(async (req, res) => {
      let body = "";
      for await (const c of req) body += String(c);
      const step = plan.shift() ?? "ok";
      if (typeof step === "number") return void res.writeHead(step).end();
      const check = provider.verifyCallback("result", fromForm(body));
      if (!check.ok) return void res.writeHead(400).end();
      received.push(check.notice);
      res.writeHead(200, { "content-type": "text/xml" }).end(provider.answerCallback("result", { status: step, description: step, salt: check.notice.salt }));
    });
  });
  after(() => {
    sandbox.stop();
    sandboxHttp.server.close();
    merchant.server.close();
  });
  beforeEach(() => {
    plan = [];
    received.length = 0;
  });

  const create = (orderId: string, amountMinor = 2500) =>
    provider.create({
      orderId,
      amountMinor,
      currency: "KZT",
      description: "2 seats",
      lifetimeSeconds: 900,
      resultUrl: `${merchant.url}/v1/payments/callbacks/result`,
      successUrl: "http://127.0.0.1:1/ok",
    });

  it("init_payment.php returns a payment page; the same order id returns the same payment", async () => {
    const a = await create("pay-1");
    expect(a.redirectUrl).to.equal(`${sandboxHttp.url}/pay/${a.providerPaymentId}`);
    expect((await create("pay-1")).providerPaymentId).to.equal(a.providerPaymentId);
    const page = await (await fetch(a.redirectUrl)).text();
    expect(page).to.contain("25 KZT").and.contain('value="pay"');
    expect(sandbox.payments.get(a.providerPaymentId)!.lifetimeSeconds).to.equal(900);
  });

  it("refuses a request whose signature does not verify, and an unknown merchant", async () => {
    const wrong = freedomPay({ host: sandboxHttp.url, merchantId: "552170", secretKey: "not-the-secret", testing: true, timeoutMs: 5_000 });
    // The sandbox's error reply is signed with the real secret, so the wrong-secret client cannot trust it either.
    const err = await wrong.create({
      orderId: "x",
      amountMinor: 100,
      currency: "KZT",
      description: "d",
      lifetimeSeconds: 600,
      resultUrl: `${merchant.url}/result`,
    }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ProviderError).with.property("code", "provider_signature");
    const unknown = freedomPay({ host: sandboxHttp.url, merchantId: "1", secretKey: "sandbox-secret", testing: true, timeoutMs: 5_000 });
    const err2 = await unknown.status({ orderId: "x" }).catch((e: unknown) => e);
    expect(err2).to.be.instanceOf(ProviderError).with.property("code", "provider_merchant");
  });

  it("reports a provider that does not answer in time, or not at all, as unreachable; a dropped kept-alive connection is tried once more", async () => {
    const order = { orderId: "slow", amountMinor: 1500, currency: "EUR", description: "x", lifetimeSeconds: 600, resultUrl: `${merchant.url}/result` };
    let calls = 0;
    const silent = await listen(() => void calls++); // reads the request, never answers
    try {
      const slow = freedomPay({ host: silent.url, merchantId: "552170", secretKey: "sandbox-secret", testing: true, timeoutMs: 150 });
      const err = await slow.create(order).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(ProviderError).with.property("code", "provider_unreachable");
      expect((err as Error).message).to.match(/no answer within 150 ms/);
      expect(calls, "a timeout is not tried again").to.equal(1);
    } finally {
      silent.server.closeAllConnections();
      silent.server.close();
    }
    const gone = await listen(() => undefined);
    gone.server.close();
    const refused = freedomPay({ host: gone.url, merchantId: "552170", secretKey: "sandbox-secret", testing: true, timeoutMs: 1_000 });
    const err = await refused.create(order).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ProviderError).with.property("code", "provider_unreachable");
    expect((err as Error).message).to.match(/ECONNREFUSED/);
    // The first connection is dropped without an answer: init_payment.php is asked again.
    let attempts = 0;
    const flaky = await listen((req, res) => {
      if (++attempts === 1) return void req.socket.destroy();
      sandbox.app.callback()(req, res);
    });
    try {
      const p = freedomPay({ host: flaky.url, merchantId: "552170", secretKey: "sandbox-secret", testing: true, timeoutMs: 5_000 });
      const created = await p.create({ ...order, orderId: "flaky" });
      expect(created.providerPaymentId).to.be.a("string");
      expect(attempts).to.equal(2);
    } finally {
      flaky.server.closeAllConnections();
      flaky.server.close();
    }
  });

  it("pays, retries the callback until HTTP 200, and only the first attempt may be rejected", async () => {
    const { providerPaymentId } = await create("pay-2");
    plan = [500, 503, "ok"];
    const res = await fetch(`${sandboxHttp.url}/pay/${providerPaymentId}`, {
      method: "POST",
      body: new URLSearchParams({ action: "pay" }),
      redirect: "manual",
    });
    expect(res.status).to.equal(303);
    expect(res.headers.get("location")).to.equal(`http://127.0.0.1:1/ok?pg_order_id=pay-2&pg_payment_id=${providerPaymentId}`);
    await sandbox.idle();
    const p = sandbox.payments.get(providerPaymentId)!;
    expect(p.answers.map((a) => a.httpStatus)).to.deep.equal([500, 503, 200]);
    expect(p.answers[2]).to.include({ status: "ok", signatureOk: true });
    expect(received).to.have.length(1);
    expect(received[0]).to.include({
      orderId: "pay-2",
      providerPaymentId,
      succeeded: true,
      amountMinor: 2500,
      currency: "KZT",
      canReject: false,
      testing: true,
    });
    expect((await provider.status({ providerPaymentId })).state).to.equal("succeeded");
  });

  it("reverses a payment the merchant rejects on the first attempt", async () => {
    const { providerPaymentId } = await create("pay-3");
    plan = ["rejected"];
    await sandbox.pay(providerPaymentId);
    await sandbox.idle();
    expect(received[0].canReject).to.equal(true);
    expect(sandbox.payments.get(providerPaymentId)!.status).to.equal("revoked");
    expect((await provider.status({ providerPaymentId })).state).to.equal("failed");
  });

  it("declines, and a bank timeout fails after the bank's silence", async () => {
    const a = await create("pay-4");
    await sandbox.decline(a.providerPaymentId);
    const b = await create("pay-5");
    sandbox.bankTimeout(b.providerPaymentId);
    expect((await provider.status({ providerPaymentId: b.providerPaymentId })).state).to.equal("pending");
    await sandbox.idle();
    expect(received.map((n) => [n.orderId, n.succeeded, n.failureCode])).to.have.deep.members([
      ["pay-4", false, "decline"],
      ["pay-5", false, "bank_timeout"],
    ]);
  });

  it("refunds partially and fully with revoke.php, never beyond the total", async () => {
    const { providerPaymentId } = await create("pay-6", 10_000);
    await sandbox.pay(providerPaymentId);
    await sandbox.idle();
    await provider.refund(providerPaymentId, "KZT", 2_550);
    expect((await provider.status({ providerPaymentId })).refundedMinor).to.equal(2_550);
    const over = await provider.refund(providerPaymentId, "KZT", 8_000).catch((e: unknown) => e);
    expect(over).to.be.instanceOf(ProviderError);
    await provider.refund(providerPaymentId, "KZT");
    const s = await provider.status({ providerPaymentId });
    expect(s).to.include({ state: "succeeded", refundedMinor: 10_000, amountMinor: 10_000, currency: "KZT" });
  });

  it("captures or cancels a two-step payment", async () => {
    const { providerPaymentId } = await create("pay-7");
    const p = sandbox.payments.get(providerPaymentId)!;
    p.autoClearing = false;
    await sandbox.pay(providerPaymentId);
    await sandbox.idle();
    expect(p.captured).to.equal(false);
    await provider.capture(providerPaymentId, "KZT", 2500);
    expect(p.captured).to.equal(true);
    const again = await provider.capture(providerPaymentId, "KZT", 2500).catch((e: unknown) => e);
    expect(again).to.be.instanceOf(ProviderError);
    const { providerPaymentId: id2 } = await create("pay-8");
    sandbox.payments.get(id2)!.autoClearing = false;
    await sandbox.pay(id2);
    await sandbox.idle();
    await provider.cancel(id2);
    expect(sandbox.payments.get(id2)!.status).to.equal("revoked");
  });

  it("answers get_status3.php for an unknown order as unknown", async () => {
    expect((await provider.status({ orderId: "never-created" })).state).to.equal("unknown");
  });
});
