/**
 * The outside of bench/checkout.ts, in its own thread: the buyers' HTTP clients and the FreedomPay
 * sandbox, as a load generator and a provider are on other machines in production. Keeping them off
 * the platform's thread means the figures are the platform's, not undici's and the sandbox's.
 * Talks to the main thread by messages: it announces the sandbox's URL, is told the edge's, runs the
 * probe and both phases, and posts their figures back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connectNats } from "../services/kit/nats.ts";
import { bookingEvents } from "../subjects/bookings.ts";
import { CALLBACK_PATH } from "../services/payments/index.ts";
import { flat, toForm } from "../services/payments/providers/fields.ts";
import { parseXml } from "../services/payments/providers/xml.ts";
import { createSandbox } from "../services/payments/sandbox/sandbox.ts";
import { httpRequest, keepAliveAgent } from "../services/payments/providers/http.ts";
import { pool } from "./harness.ts";

export type LoadInput = { natsUrl: string; merchantId: string; secretKey: string; checkouts: number; concurrency: number; callbacks: number };
export type LoadOutput = {
  probeMs: number;
  times: number[];
  failed: number;
  checkoutSeconds: number;
  callbacks: number;
  callbackSeconds: number;
};
/** Worker → main. */
export type FromLoad =
  | { type: "sandbox"; url: string }
  | { type: "charges" }
  | { type: "phase"; name: "checkouts" | "callbacks"; edge: "start" | "end" }
  | { type: "done"; output: LoadOutput }
  | { type: "failed"; message: string };
/** Main → worker. */
export type ToLoad = { type: "edge"; base: string } | { type: "charges"; n: number };

const port = parentPort!;
const input = workerData as LoadInput;
const { checkouts: N, concurrency: C, callbacks: M } = input;
const post = (m: FromLoad) => port.postMessage(m);
const inbox: ((m: ToLoad) => void)[] = [];
port.on("message", (m: ToLoad) => inbox.shift()?.(m));
const next = () => new Promise<ToLoad>((resolve) => inbox.push(resolve));

let sandboxUrl = "";
const sandbox = createSandbox({
  merchantId: input.merchantId,
  secretKey: input.secretKey,
  baseUrl: () => sandboxUrl,
  callbackRetryMs: 1_000,
  bankTimeoutMs: 100,
});
const sandboxServer = createServer(sandbox.app.callback());
await new Promise<void>((r) => sandboxServer.listen(0, "127.0.0.1", r));
sandboxUrl = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;
post({ type: "sandbox", url: sandboxUrl });
const base = ((await next()) as { base: string }).base;
const nc = (await connectNats({ servers: input.natsUrl, name: "bench-checkout-load" })).nc;

// The buyers' and the provider's HTTP clients: node:http on kept-alive connections, not fetch, whose
// own cost (≈ 0.6 ms of CPU a call, five calls a checkout) the 2 cores would otherwise charge the
// platform for.
const agent = keepAliveAgent("http:");

// deno-lint-ignore no-explicit-any -- JSON replies are read loosely here; the contracts are tested elsewhere
type Reply = { status: number; body: any };
async function api(method: string, path: string, body?: unknown, token?: string, ip?: string): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (ip) headers["x-forwarded-for"] = ip;
  if (token) headers.authorization = `Bearer ${token}`;
  if (method === "POST") headers["idempotency-key"] = randomUUID();
  const res = await httpRequest(new URL(`${base}${path}`), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: 60_000,
    agent,
  });
  return { status: res.status, body: res.text ? JSON.parse(res.text) : undefined };
}
let accounts = 0;
async function account(name: string): Promise<string> {
  // Identity throttles sign-ups and logins per client IP: each account comes from its own.
  const ip = `10.77.${Math.floor(++accounts / 250)}.${accounts % 250}`;
  const email = `${name}+${randomUUID()}@example.org`;
  const password = "correct horse battery staple";
  const reg = await api("POST", "/v1/auth/register", { email, password, displayName: name }, undefined, ip);
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  const login = await api("POST", "/v1/auth/login", { email, password }, undefined, ip);
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.accessToken;
}

// Confirmations, as the platform announces them.
const confirmed = new Map<string, () => void>();
const sub = nc.subscribe(bookingEvents.confirmed.subject, {
  callback: (_err, msg) => {
    const orderId = (msg.json() as { data: { orderId: string } }).data.orderId;
    confirmed.get(orderId)?.();
  },
});

try {
  const organizer = await account("organizer");
  // Four sign-ups at a time: password hashing is slow by design, and 20 at once on a busy machine
  // outwait the edge's timeout.
  const payers: string[] = [];
  await pool(Array.from({ length: C }), 4, async (_x, i) => void (payers[i] = await account(`payer${i}`)));
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  const event = await api("POST", "/v1/events", {
    title: "Checkout benchmark",
    description: "Bench",
    startsAt,
    endsAt,
    timeZone: "Europe/Berlin",
    publish: true,
  }, organizer);
  if (event.status !== 201) throw new Error(`event: ${event.status} ${JSON.stringify(event.body)}`);
  const eventId = event.body.id as string;
  let type: Reply | undefined;
  for (let i = 0; i < 200 && type?.status !== 201; i++) {
    type = await api("POST", `/v1/events/${eventId}/ticket-types`, { name: "Standard", priceMinor: 1500, currency: "EUR" }, organizer);
    if (type.status !== 201) await new Promise((r) => setTimeout(r, 50)); // bookings projects the event first
  }
  if (type?.status !== 201) throw new Error(`ticket type: ${type?.status} ${JSON.stringify(type?.body)}`);
  const ticketTypeId = type.body.id as string;

  /** A held paid order of `token`'s user, and its pending payment at the sandbox. */
  const hold = async (token: string): Promise<{ orderId: string; paymentId: string }> => {
    const order = await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity: 1 }] }, token);
    if (order.status !== 201) throw new Error(`booking: ${order.status} ${JSON.stringify(order.body)}`);
    const pay = await api("POST", "/v1/payments", { bookingId: order.body.id }, token);
    if (pay.status !== 201) throw new Error(`payment: ${pay.status} ${JSON.stringify(pay.body)}`);
    return { orderId: order.body.id, paymentId: pay.body.paymentId };
  };

  const checkout = async (token: string): Promise<number> => {
    const t0 = performance.now();
    const order = await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity: 1 }] }, token);
    if (order.status !== 201) throw new Error(`booking: ${order.status} ${JSON.stringify(order.body)}`);
    const done = new Promise<void>((resolve) => confirmed.set(order.body.id, resolve));
    const pay = await api("POST", "/v1/payments", { bookingId: order.body.id }, token);
    if (pay.status !== 201) throw new Error(`payment: ${pay.status} ${JSON.stringify(pay.body)}`);
    await httpRequest(new URL(pay.body.redirectUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "action=pay",
      timeoutMs: 60_000,
      agent,
    });
    await done;
    confirmed.delete(order.body.id);
    return performance.now() - t0;
  };

  // Prove what is measured: a checkout ends confirmed, with one ledger charge (counted by the main
  // thread, which holds the payments database) and an "ok" answer.
  const probeMs = await checkout(payers[0]);
  post({ type: "charges" });
  const charges = ((await next()) as { n: number }).n;
  if (charges !== 1) throw new Error(`expected one charge after the probe, found ${charges}`);

  // 1. Checkout latency, C payers each with one checkout in flight.
  await pool(Array.from({ length: 40 }), C, async (_x, i) => void (await checkout(payers[i % C]))); // warm-up
  const times: number[] = [];
  let failed = 0;
  post({ type: "phase", name: "checkouts", edge: "start" });
  const t0 = performance.now();
  await pool(Array.from({ length: N }), C, async (_x, i) => {
    try {
      times.push(await checkout(payers[i % C]));
    } catch (err) {
      failed++;
      if (failed <= 3) console.error(`checkout failed: ${(err as Error).message}`);
    }
  });
  const checkoutSeconds = (performance.now() - t0) / 1000;
  post({ type: "phase", name: "checkouts", edge: "end" });

  // 2. Callbacks per second: pending payments paid at the sandbox without delivery, then their
  // signed callbacks posted to the edge as the provider would.
  const pending: string[] = [];
  await pool(Array.from({ length: M }), C, async (_x, i) => {
    try {
      const h = await hold(payers[i % C]);
      const sp = sandbox.byOrder(h.paymentId)!;
      await sandbox.pay(sp.id, { deliver: false });
      pending.push(sp.id);
    } catch {
      failed++;
    }
  });
  const callbacks = pending.map((id) => sandbox.callbackFields(id));
  let refused = 0;
  post({ type: "phase", name: "callbacks", edge: "start" });
  const c0 = performance.now();
  await pool(callbacks, 32, async (fields) => {
    const r = await httpRequest(new URL(`${base}${CALLBACK_PATH}`), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: toForm(fields),
      timeoutMs: 60_000,
      agent,
    });
    if (r.status !== 200 || flat(parseXml(r.text).fields).pg_status !== "ok") refused++;
  });
  const callbackSeconds = (performance.now() - c0) / 1000;
  post({ type: "phase", name: "callbacks", edge: "end" });
  if (refused) throw new Error(`${refused} callbacks were not answered ok`);
  post({ type: "done", output: { probeMs, times, failed, checkoutSeconds, callbacks: callbacks.length, callbackSeconds } });
} catch (err) {
  post({ type: "failed", message: (err as Error).stack ?? String(err) });
} finally {
  sub.unsubscribe();
  await nc.close();
  sandbox.stop();
  sandboxServer.close();
  agent.destroy();
}
