/**
 * Runs payments and the edge on the test run's NATS and Postgres, against a FreedomPay sandbox
 * started here (so tests can pay, decline, time out or lose a callback), with small real
 * responders for what other services answer: identity's JWKS and can-act, and bookings' order
 * calls (svc.bookings.orders.get / begin-payment / settle-many), from a table the test fills.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Nats } from "../../kit/nats.ts";
import { run, type Running } from "../../kit/run.ts";
import { endpoint, serve, type Served } from "../../kit/serve.ts";
import { AppError } from "../../kit/errors.ts";
import { createLogger } from "../../kit/log.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import type { DataOf, MessageContract } from "../../../subjects/contract.ts";
import { identity } from "../../../subjects/identity.ts";
import { eventEvents } from "../../../subjects/events.ts";
import { bookings, type OrderView } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { databaseUrl, natsEnv, natsUrl, testNats } from "../../../test/support/env.ts";
import { freePort } from "../../../test/support/nats-server.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { type TestSigner, testSigner, token } from "../../edge/test/responders.ts";
import { edgeService } from "../../edge/index.ts";
import { CALLBACK_PATH, paymentsService } from "../index.ts";
import { createSandbox, type Sandbox } from "../sandbox/sandbox.ts";
import { type Fields, toForm } from "../providers/fields.ts";

export const MERCHANT = "552170";
export const SECRET = "test-secret-key";

export type Order = {
  id: string;
  eventId: string;
  userId: string;
  status: OrderView["status"];
  totalMinor: number;
  currency: string;
  reservedUntil: string;
  paymentId: string | null;
};

export type Harness = {
  running: Running;
  nats: Nats;
  sandbox: Sandbox;
  base: string;
  orders: Map<string, Order>;
  settles: Map<string, number>;
  /** Resolves when bookings is asked to settle the order (the booking is confirmed). */
  settled(orderId: string): Promise<void>;
  orgAdmins: Set<string>;
  api(
    path: string,
    init?: { method?: string; body?: unknown; as?: Principal; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers; bytes: Uint8Array }>;
  /** A published event (projected into payments) organized by `organizer`. */
  event(organizer: Principal, organizationId?: string | null): Promise<string>;
  /** A held order of `user` for `eventId`. */
  order(user: Principal, eventId: string, totalMinor?: number, holdMs?: number): Order;
  /** Posts a callback to the edge as the provider would. */
  callback(fields: Fields): Promise<{ status: number; text: string }>;
  db(): Running["dbs"] extends Map<string, infer D> ? D : never;
  stop(): Promise<void>;
};

export const user = (roles: Principal["roles"] = ["participant"]): Principal => ({ sub: randomUUID(), roles });

export async function startPayments(env: Record<string, string> = {}): Promise<Harness> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let sandboxUrl = "";
  const sandbox = createSandbox({
    merchantId: MERCHANT,
    secretKey: SECRET,
    baseUrl: () => sandboxUrl,
    callbackRetryMs: 150,
    callbackAttempts: 5,
    bankTimeoutMs: 100,
  });
  const sandboxServer: Server = createServer(sandbox.app.callback());
  await new Promise<void>((r) => sandboxServer.listen(0, "127.0.0.1", r));
  sandboxUrl = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;

  const nats = await testNats("payments-test");
  const signer: TestSigner = await testSigner();
  const orders = new Map<string, Order>();
  const settles = new Map<string, number>();
  const orgAdmins = new Set<string>();
  const waiters = new Map<string, () => void>();
  const view = (o: Order): OrderView => ({
    id: o.id,
    eventId: o.eventId,
    userId: o.userId,
    status: o.status,
    seats: 2,
    totalMinor: o.totalMinor,
    currency: o.currency,
    refundedMinor: 0,
    reservedUntil: o.status === "reserved" || o.status === "awaiting_payment" ? o.reservedUntil : null,
    paymentId: o.paymentId,
    lines: [],
    tickets: [],
    cancelReason: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  const known = (orderId: string) => {
    const o = orders.get(orderId);
    if (!o) throw new AppError("not_found", "order not found");
    return o;
  };
  const stub: Served = await serve(nats.nc, {
    name: "payments-test-stubs",
    version: "0.0.1",
    description: "identity and bookings answers for the payments tests",
    log: createLogger({ name: "stub", level: "silent" }),
  }, [
    endpoint(identity.keysList, async () => ({ keys: [signer.jwk as { kty: string; kid: string; alg: string }] })),
    endpoint(identity.sessionsCheck, async () => ({ active: true })),
    endpoint(
      identity.canActForOrg,
      async (i) => ({ allowed: orgAdmins.has(`${i.orgId}:${i.userId}`), role: orgAdmins.has(`${i.orgId}:${i.userId}`) ? ("admin" as const) : null }),
    ),
    endpoint(bookings.ordersGet, async (i) => view(known(i.orderId))),
    endpoint(bookings.ordersBeginPayment, async (i) => {
      const o = known(i.orderId);
      if (Date.parse(o.reservedUntil) <= Date.now() || o.status === "expired") throw new AppError("order_expired", "hold over", { status: 409 });
      if (o.status === "awaiting_payment" && o.paymentId !== i.paymentId) throw new AppError("order_not_payable", "another payment", { status: 409 });
      if (o.status !== "reserved" && o.status !== "awaiting_payment") throw new AppError("order_not_payable", o.status, { status: 409 });
      o.status = "awaiting_payment";
      o.paymentId = i.paymentId;
      return view(o);
    }),
    endpoint(bookings.ordersSettleMany, async (input) => ({
      results: input.items.map((i) => {
        const o = orders.get(i.orderId);
        if (!o) return { orderId: i.orderId, outcome: "gone" as const };
        settles.set(o.id, (settles.get(o.id) ?? 0) + 1);
        if (o.status === "confirmed") return { orderId: o.id, outcome: o.paymentId === i.paymentId ? ("confirmed" as const) : ("gone" as const) };
        if (o.status !== "reserved" && o.status !== "awaiting_payment") return { orderId: o.id, outcome: "gone" as const };
        o.status = "confirmed";
        o.paymentId = i.paymentId;
        waiters.get(o.id)?.();
        return { orderId: o.id, outcome: "confirmed" as const };
      }),
    })),
  ]);

  const running = await run([paymentsService, edgeService], {
    ...natsEnv(),
    DATABASE_URL: databaseUrl(),
    HTTP_PORT: String(port),
    LOG_LEVEL: "silent",
    PAYMENTS_PROVIDER: "sandbox",
    PAYMENTS_HOST: sandboxUrl,
    PAYMENTS_MERCHANT_ID: MERCHANT,
    PAYMENTS_SECRET_KEY: SECRET,
    PAYMENTS_PUBLIC_URL: base,
    PAYMENTS_RECONCILE_AFTER_MS: "1500",
    PAYMENTS_RECONCILE_EVERY_MS: "300",
    PAYMENTS_REFUND_RETRY_POLL_MS: "100",
    TIMERS_POLL_MS: "100",
    RATE_LIMIT_IP_PER_MINUTE: "100000",
    RATE_LIMIT_USER_PER_MINUTE: "100000",
    ...env,
  });

  const publish = async <C extends MessageContract>(contract: C, data: DataOf<C>) => {
    const envelope: Envelope = {
      id: randomUUID(),
      type: contract.subject,
      version: contract.version,
      source: "events",
      occurredAt: new Date().toISOString(),
      data,
    };
    await nats.js.publish(contract.subject, JSON.stringify(envelope), { msgID: envelope.id });
  };
  const db = () => running.dbs.get("payments")!;

  return {
    running,
    nats,
    sandbox,
    base,
    orders,
    settles,
    settled: (orderId) => (orders.get(orderId)?.status === "confirmed" ? Promise.resolve() : new Promise<void>((resolve) => waiters.set(orderId, resolve))),
    orgAdmins,
    db: db as Harness["db"],
    async api(path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.as) headers.authorization = `Bearer ${await token(signer, init.as)}`;
      if (init.body !== undefined) headers["content-type"] = "application/json";
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: body as any, headers: res.headers, bytes };
    },
    async event(organizer, organizationId = null) {
      const eventId = randomUUID();
      await publish(eventEvents.published, {
        eventId,
        organizerId: organizer.sub,
        organizationId,
        visibility: "public",
        status: "published",
        title: `Concert ${eventId.slice(0, 6)}`,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        timeZone: "Asia/Almaty",
        venue: null,
        onlineUrl: null,
        sequence: 0,
      });
      await eventually("the event owner projected", async () => Boolean(await db()("event_owners").where({ event_id: eventId }).first()));
      return eventId;
    },
    order(u, eventId, totalMinor = 1_500_000, holdMs = 15 * 60_000) {
      const o: Order = {
        id: randomUUID(),
        eventId,
        userId: u.sub,
        status: "reserved",
        totalMinor,
        currency: "KZT",
        reservedUntil: new Date(Date.now() + holdMs).toISOString(),
        paymentId: null,
      };
      orders.set(o.id, o);
      return o;
    },
    async callback(fields) {
      const res = await fetch(`${base}${CALLBACK_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: toForm(fields),
      });
      return { status: res.status, text: await res.text() };
    },
    async stop() {
      sandbox.stop();
      sandboxServer.closeAllConnections();
      sandboxServer.close();
      await running.stop();
      await stub.stop();
      await nats.nc.close();
    },
  };
}
