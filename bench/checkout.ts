/**
 * Checkout end to end through the edge, on the real services (identity, events, bookings,
 * payments, edge) and the FreedomPay sandbox: POST /v1/bookings (a held paid order) → POST
 * /v1/payments → pay on the sandbox's page (no artificial delay) → the sandbox's signed result
 * callback → the edge → payments (batched) → svc.bookings.orders.settle-many → evt.booking.confirmed. Reports the
 * time from reservation to confirmation (p50/p99, N checkouts, C in flight), then callbacks handled
 * per second (signed callbacks of pending payments posted to the edge, 32 in flight) beside the
 * raw Postgres single-row update rate measured in the same run on the same database.
 * Targets: checkout p99 < 300 ms; callbacks ≥ 0.5 of the raw rate.
 *   npx node bench/checkout.ts [--checkouts 1000] [--concurrency 20] [--callbacks 1000]
 */
import { parseArgs } from "node:util";
import process from "node:process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { freePort, startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { run } from "../services/kit/run.ts";
import { connectNats } from "../services/kit/nats.ts";
import { identityService } from "../services/identity/index.ts";
import { eventsService } from "../services/events/index.ts";
import { bookingsService } from "../services/bookings/index.ts";
import { CALLBACK_PATH, paymentsService } from "../services/payments/index.ts";
import { edgeService } from "../services/edge/index.ts";
import { bookingEvents } from "../subjects/bookings.ts";
import { toForm } from "../services/payments/providers/fields.ts";
import { parseXml } from "../services/payments/providers/xml.ts";
import { flat } from "../services/payments/providers/fields.ts";
import { createSandbox } from "../services/payments/sandbox/sandbox.ts";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eventually } from "../test/support/eventually.ts";

const { values: args } = parseArgs({
  options: { checkouts: { type: "string", default: "1000" }, concurrency: { type: "string", default: "20" }, callbacks: { type: "string", default: "1000" } },
});
const N = Number(args.checkouts);
const C = Number(args.concurrency);
const M = Number(args.callbacks);

async function pool<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  }));
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x: number) => Math.round(x * 10) / 10;

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const db = await createDatabase();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The sandbox in this process (as the payments tests run it), so the callback part can pay
// payments without delivering their callbacks and post those itself.
const MERCHANT = "552170";
const SECRET = "bench-secret-key";
let sandboxUrl = "";
const sandbox = createSandbox({ merchantId: MERCHANT, secretKey: SECRET, baseUrl: () => sandboxUrl, callbackRetryMs: 1_000, bankTimeoutMs: 100 });
const sandboxServer = createServer(sandbox.app.callback());
await new Promise<void>((r) => sandboxServer.listen(0, "127.0.0.1", r));
sandboxUrl = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;
const running = await run([identityService, eventsService, bookingsService, paymentsService, edgeService], {
  NATS_URL: nats.url,
  DATABASE_URL: db.url,
  HTTP_PORT: String(port),
  LOG_LEVEL: "silent",
  PAYMENTS_PUBLIC_URL: base,
  PAYMENTS_HOST: sandboxUrl,
  PAYMENTS_MERCHANT_ID: MERCHANT,
  PAYMENTS_SECRET_KEY: SECRET,
  PAYMENTS_TESTING_MODE: "true",
  PAYMENTS_RECONCILE_AFTER_MS: "3600000",
  RATE_LIMIT_IP_PER_MINUTE: "100000000",
  RATE_LIMIT_USER_PER_MINUTE: "100000000",
  RATE_LIMIT_AUTH_PER_MINUTE: "100000",
  SHUTDOWN_GRACE_MS: "1000",
  TRUST_PROXY: "true",
});
const nc = (await connectNats({ servers: nats.url, name: "bench-checkout" })).nc;

// deno-lint-ignore no-explicit-any -- JSON replies are read loosely here; the contracts are tested elsewhere
type Reply = { status: number; body: any };
async function api(method: string, path: string, body?: unknown, token?: string, ip?: string): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (ip) headers["x-forwarded-for"] = ip;
  if (token) headers.authorization = `Bearer ${token}`;
  if (method === "POST") headers["idempotency-key"] = randomUUID();
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
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

let failed = 0;
try {
  const organizer = await account("organizer");
  const payers = await Promise.all(Array.from({ length: C }, (_, i) => account(`payer${i}`)));
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
  const hold = async (token: string): Promise<{ orderId: string; redirectUrl: string; paymentId: string }> => {
    const order = await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity: 1 }] }, token);
    if (order.status !== 201) throw new Error(`booking: ${order.status} ${JSON.stringify(order.body)}`);
    const pay = await api("POST", "/v1/payments", { bookingId: order.body.id }, token);
    if (pay.status !== 201) throw new Error(`payment: ${pay.status} ${JSON.stringify(pay.body)}`);
    return { orderId: order.body.id, redirectUrl: pay.body.redirectUrl, paymentId: pay.body.paymentId };
  };

  const checkout = async (token: string): Promise<number> => {
    const t0 = performance.now();
    const order = await api("POST", "/v1/bookings", { eventId, items: [{ ticketTypeId, quantity: 1 }] }, token);
    if (order.status !== 201) throw new Error(`booking: ${order.status} ${JSON.stringify(order.body)}`);
    const done = new Promise<void>((resolve) => confirmed.set(order.body.id, resolve));
    const pay = await api("POST", "/v1/payments", { bookingId: order.body.id }, token);
    if (pay.status !== 201) throw new Error(`payment: ${pay.status} ${JSON.stringify(pay.body)}`);
    const page = await fetch(pay.body.redirectUrl, { method: "POST", body: new URLSearchParams({ action: "pay" }), redirect: "manual" });
    await page.arrayBuffer();
    await done;
    confirmed.delete(order.body.id);
    return performance.now() - t0;
  };

  // Prove what is measured: a checkout ends confirmed, with one ledger charge and an "ok" answer.
  const probe = await checkout(payers[0]);
  // Bookings confirms inside payments' callback transaction, so the charge commits just after.
  const charges = await eventually("the probe's ledger charge", async () => {
    const [{ n }] = await running.dbs.get("payments")!("ledger_transactions").where({ kind: "charge" }).count({ n: "*" });
    return Number(n) > 0 && Number(n);
  }, 10_000);
  if (charges !== 1) throw new Error(`expected one charge after the probe, found ${charges}`);
  console.log(`probe checkout ${r1(probe)} ms: confirmed (evt.booking.confirmed), one ledger charge`);

  // 1. Checkout latency, C payers each with one checkout in flight.
  await pool(Array.from({ length: 40 }), C, async (_x, i) => void (await checkout(payers[i % C]))); // warm-up
  const times: number[] = [];
  const t0 = performance.now();
  await pool(Array.from({ length: N }), C, async (_x, i) => {
    try {
      times.push(await checkout(payers[i % C]));
    } catch (err) {
      failed++;
      if (failed <= 3) console.error(`checkout failed: ${(err as Error).message}`);
    }
  });
  const wall = (performance.now() - t0) / 1000;
  console.log(`${N} checkouts (${failed} failed), ${C} in flight: p50 ${r1(pct(times, 50))} ms, p99 ${r1(pct(times, 99))} ms, ${r1(N / wall)} checkouts/s`);

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
  const c0 = performance.now();
  await pool(callbacks, 32, async (fields) => {
    const r = await fetch(`${base}${CALLBACK_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: toForm(fields),
    });
    const text = await r.text();
    if (r.status !== 200 || flat(parseXml(text).fields).pg_status !== "ok") refused++;
  });
  const callbackSeconds = (performance.now() - c0) / 1000;
  if (refused) throw new Error(`${refused} callbacks were not answered ok`);
  const callbacksPerS = callbacks.length / callbackSeconds;

  // 3. Raw Postgres single-row updates, same database, same concurrency (32), 1,000 rows.
  const raw = new pg.Pool({ connectionString: db.url, max: 16 });
  await raw.query("create table public.bench_rows (id int primary key, v int not null default 0)");
  await raw.query("insert into public.bench_rows (id) select generate_series(1, 1000)");
  const U = Math.max(5_000, M * 5);
  const u0 = performance.now();
  await pool(Array.from({ length: U }), 32, async (_x, i) => void (await raw.query("update public.bench_rows set v = v + 1 where id = $1", [(i % 1000) + 1])));
  const rawPerS = U / ((performance.now() - u0) / 1000);
  await raw.end();
  console.log(
    `callbacks: ${r1(callbacksPerS)}/s (${callbacks.length}, 32 in flight); raw single-row updates: ${r1(rawPerS)}/s; ratio ${
      Math.round((callbacksPerS / rawPerS) * 1000) / 1000
    }`,
  );

  const result = {
    checkouts: N,
    failed_checkouts: failed,
    concurrency: C,
    checkout_p50_ms: r1(pct(times, 50)),
    checkout_p99_ms: r1(pct(times, 99)),
    checkouts_per_s: r1(N / wall),
    callbacks_per_s: r1(callbacksPerS),
    raw_updates_per_s: r1(rawPerS),
    callbacks_vs_raw: Math.round((callbacksPerS / rawPerS) * 1000) / 1000,
    targets_met: pct(times, 99) < 300 && callbacksPerS / rawPerS >= 0.5,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  sub.unsubscribe();
  await nc.close();
  await running.stop();
  sandbox.stop();
  sandboxServer.close();
  await db.drop();
  await nats.stop();
}
