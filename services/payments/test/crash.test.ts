import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { ensureStreams, type Nats } from "../../kit/nats.ts";
import { type Db, openDb } from "../../kit/db.ts";
import { call } from "../../kit/call.ts";
import { endpoint, serve, type Served } from "../../kit/serve.ts";
import { createLogger } from "../../kit/log.ts";
import { type Child, spawnTs } from "../../kit/test/helpers.ts";
import { payments } from "../../../subjects/payments.ts";
import { bookings, type OrderView } from "../../../subjects/bookings.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { createSandbox, type Sandbox } from "../sandbox/sandbox.ts";
import { toForm } from "../providers/fields.ts";
import { saveEventOwner } from "../store.ts";
import { MERCHANT, SECRET } from "./support.ts";
import { eventually } from "../../../test/support/eventually.ts";

const N = 30;
const worker = fileURLToPath(new URL("./support/worker.ts", import.meta.url));

describe("payments: kill -9 during a storm of callbacks", function () {
  this.timeout(180_000);
  let sandbox: Sandbox;
  let server: Server;
  let nats: Nats;
  let stub: Served;
  let db: Db;
  let env: Record<string, string>;
  let w: Child | undefined;
  const orders = new Map<string, OrderView>();

  const spawnWorker = async () => {
    w = spawnTs(worker, env);
    await w.line(/payments worker \d+ ready/, 60_000);
  };

  before(async () => {
    let url = "";
    sandbox = createSandbox({ merchantId: MERCHANT, secretKey: SECRET, baseUrl: () => url, callbackRetryMs: 60_000 });
    server = createServer(sandbox.app.callback());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    nats = await testNats("payments-crash-test");
    await ensureStreams(nats.jsm);
    stub = await serve(nats.nc, {
      name: "payments-crash-stubs",
      version: "0.0.1",
      description: "bookings answers for the crash test",
      log: createLogger({ name: "stub", level: "silent" }),
    }, [
      endpoint(bookings.ordersGet, async (i) => orders.get(i.orderId)!),
      endpoint(bookings.ordersBeginPayment, async (i) => ({ ...orders.get(i.orderId)!, status: "awaiting_payment" as const, paymentId: i.paymentId })),
      // Idempotent as bookings promises: confirming twice answers confirmed twice.
      endpoint(bookings.ordersSettleMany, async (input) => ({ results: input.items.map((i) => ({ orderId: i.orderId, outcome: "confirmed" as const })) })),
    ]);
    env = {
      ...natsEnv(),
      DATABASE_URL: databaseUrl(),
      LOG_LEVEL: "silent",
      HTTP_PORT: "0",
      PAYMENTS_HOST: url,
      PAYMENTS_MERCHANT_ID: MERCHANT,
      PAYMENTS_SECRET_KEY: SECRET,
      PAYMENTS_PUBLIC_URL: "http://127.0.0.1:9",
      PAYMENTS_RECONCILE_AFTER_MS: "3600000",
      SHUTDOWN_GRACE_MS: "1000",
    };
    await spawnWorker();
    db = await openDb({ schema: "payments", url: databaseUrl() });
  });
  after(async () => {
    w?.kill("SIGKILL");
    await w?.exited;
    await db?.destroy();
    await stub?.stop();
    await nats?.nc.close();
    sandbox?.stop();
    server?.close();
  });

  it("confirms each payment once and keeps the ledger balanced after SIGKILLs mid-storm", async () => {
    const organizerId = randomUUID();
    const eventId = randomUUID();
    await saveEventOwner(db, { eventId, organizerId, organizationId: null, title: "Crash test" }, new Date());
    const payer = { sub: randomUUID(), roles: ["participant" as const] };
    const ids: Array<{ paymentId: string; providerId: string }> = [];
    for (let i = 0; i < N; i++) {
      const id = randomUUID();
      const now = new Date().toISOString();
      orders.set(id, {
        id,
        eventId,
        userId: payer.sub,
        status: "reserved",
        seats: 1,
        totalMinor: 5_000 + i,
        currency: "KZT",
        refundedMinor: 0,
        reservedUntil: new Date(Date.now() + 3_600_000).toISOString(),
        paymentId: null,
        lines: [],
        tickets: [],
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
      });
      const created = await call(nats.nc, payments.create, { bookingId: id }, { principal: payer, timeoutMs: 20_000 });
      const providerId = sandbox.byOrder(created.paymentId)!.id;
      await sandbox.pay(providerId, { deliver: false });
      ids.push({ paymentId: created.paymentId, providerId });
    }
    const bodies = ids.map((p) => toForm(sandbox.callbackFields(p.providerId)));
    const answered = new Set<number>();
    const storm = async () => {
      await Promise.all(
        bodies.flatMap((body, i) =>
          answered.has(i) ? [] : Array.from({ length: 5 }, () =>
            call(nats.nc, payments.callback, { script: "result", body }, { timeoutMs: 3_000 })
              .then((r) => {
                if (r.xml.includes("<pg_status>ok</pg_status>")) answered.add(i);
              })
              .catch(() => undefined))
        ),
      );
    };
    // Kill the worker while the first storm is in flight, three times over.
    for (let round = 0; round < 3; round++) {
      const s = storm();
      await eventually("some callbacks decided", async () => Number((await db("callbacks").count({ n: "*" }))[0].n) > round * 5, 20_000);
      w!.kill("SIGKILL");
      await w!.exited;
      await s;
      await spawnWorker();
    }
    for (let i = 0; i < 20 && answered.size < N; i++) await storm();
    expect(answered.size).to.equal(N);

    const paymentIds = ids.map((p) => p.paymentId);
    const statuses = await db("payments").whereIn("id", paymentIds).select("status");
    expect(statuses.every((r: { status: string }) => r.status === "succeeded")).to.equal(true);
    const charges = await db("ledger_transactions").whereIn("payment_id", paymentIds).where({ kind: "charge" }).groupBy("payment_id").select("payment_id")
      .count({ n: "*" });
    expect(charges).to.have.length(N);
    expect(charges.every((c) => Number(c.n) === 1)).to.equal(true);
    const succeeded = await db("outbox").where({ subject: "evt.payment.succeeded" }).whereRaw("(envelope::jsonb->'data'->>'paymentId')::uuid = any(?)", [
      paymentIds,
    ]).count({ n: "*" });
    expect(Number(succeeded[0].n)).to.equal(N);
    const receipts = await db("receipts").where({ organizer_id: organizerId }).orderBy("seq").select("seq");
    expect(receipts.map((r: { seq: number }) => r.seq)).to.deep.equal(Array.from({ length: N }, (_, i) => i + 1));
    const [{ d, c }] = await db("ledger_entries").sum({ d: "debit_minor", c: "credit_minor" });
    expect(Number(d)).to.equal(Number(c));
  });
});
