/**
 * payments: pays held bookings through FreedomPay (or its local sandbox), proves them by the
 * provider's signed result callback only, refunds (organizer, admin, or a cancelled booking within
 * its rules), keeps an append-only double-entry ledger and numbered receipts. The saga with
 * bookings runs over svc.bookings.orders.* and events (subjects/payments.ts); a reconciliation pass
 * asks the provider about payments whose callback never came.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Type } from "@sinclair/typebox";
import { defineService } from "../kit/service.ts";
import { call } from "../kit/call.ts";
import { ConfigError } from "../kit/config.ts";
import { identity } from "../../subjects/identity.ts";
import { events } from "../../subjects/events.ts";
import { bookings } from "../../subjects/bookings.ts";
import { paymentEvents } from "../../subjects/payments.ts";
import { schema } from "./migrations/001-payments.ts";
import type { Deps, EventOwner } from "./deps.ts";
import { freedomPay } from "./providers/freedompay.ts";
import { scriptName } from "./providers/signature.ts";
import { createSandbox, type Sandbox } from "./sandbox/sandbox.ts";
import { eventOwnerOf, saveEventOwner } from "./store.ts";
import { reconcilePayment } from "./usecases/reconcile-payment.ts";
import { retryRefunds } from "./usecases/retry-refunds.ts";
import { RECONCILE_TIMER } from "./reconciliation.ts";
import { paymentsCreateEndpoint } from "./endpoints/payments-create.ts";
import { paymentsGetEndpoint } from "./endpoints/payments-get.ts";
import { paymentsListEndpoint } from "./endpoints/payments-list.ts";
import { paymentsRefundEndpoint } from "./endpoints/payments-refund.ts";
import { transactionsListEndpoint } from "./endpoints/transactions-list.ts";
import { methodsListEndpoint } from "./endpoints/methods-list.ts";
import { methodsSaveEndpoint } from "./endpoints/methods-save.ts";
import { receiptsGetEndpoint } from "./endpoints/receipts-get.ts";
import { callbacksResultEndpoint } from "./endpoints/callbacks-result.ts";
import { ResultMailbox } from "./result-mailbox.ts";
import { BOOKINGS_CONSUMER, refundCancelledBookingsConsumer } from "./consumers/refund-cancelled-bookings.ts";
import { EVENTS_CONSUMER, eventsProjectionConsumer } from "./consumers/events-projection.ts";

/** The public path of the result callback; its last segment is the script name the provider signs with. */
export const CALLBACK_PATH = "/v1/payment-callbacks/freedompay/result";

export const PaymentsEnv = Type.Object({
  PAYMENTS_PROVIDER: Type.Union([Type.Literal("sandbox"), Type.Literal("freedompay")], {
    default: "sandbox",
    description:
      "sandbox: a local stand-in of FreedomPay (started by this service unless PAYMENTS_HOST names one); freedompay: the real Merchant API (needs PAYMENTS_MERCHANT_ID and PAYMENTS_SECRET_KEY).",
  }),
  PAYMENTS_MERCHANT_ID: Type.String({ default: "552170", description: "FreedomPay merchant id (pg_merchant_id). The default only suits the sandbox." }),
  PAYMENTS_SECRET_KEY: Type.String({
    default: "sandbox-secret",
    minLength: 8,
    description: "FreedomPay secret key that signs every message (pg_sig). The default only suits the sandbox.",
  }),
  PAYMENTS_HOST: Type.Optional(
    Type.String({
      pattern: "^https?://",
      description: "Merchant API base URL, e.g. https://api.freedompay.kz or https://test-api.freedompay.kz. Unset with the sandbox: the service starts one.",
    }),
  ),
  PAYMENTS_TESTING_MODE: Type.Boolean({ default: false, description: "Send pg_testing_mode=1 (FreedomPay test payments; on by itself with the sandbox)." }),
  PAYMENTS_PUBLIC_URL: Type.String({
    default: "http://127.0.0.1:8080",
    pattern: "^https?://",
    description: "Where the provider reaches the edge: the result callback is <this>/v1/payment-callbacks/freedompay/result.",
  }),
  PAYMENTS_PROVIDER_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000, description: "Time cap of one call to the provider." }),
  PAYMENTS_RECONCILE_AFTER_MS: Type.Integer({
    minimum: 0,
    default: 120_000,
    description: "Ask the provider (get_status3) about a payment still pending this long after it was created.",
  }),
  PAYMENTS_RECONCILE_EVERY_MS: Type.Integer({ minimum: 100, default: 60_000, description: "Then ask again this often until it settles or its page expires." }),
  PAYMENTS_REFUND_RETRY_POLL_MS: Type.Integer({
    minimum: 50,
    default: 5_000,
    description: "How often this replica looks for refunds to retry (the provider was unreachable).",
  }),
  PAYMENTS_CALLBACK_BATCH_MAX: Type.Integer({
    minimum: 1,
    maximum: 500,
    default: 200,
    description: "Most callback results decided in one payments transaction (with one bookings settle).",
  }),
  PAYMENTS_CALLBACK_BATCHES: Type.Integer({
    minimum: 1,
    maximum: 16,
    default: 2,
    description:
      "Callback batches in flight at once per replica; while all are busy, arriving callbacks gather into the next (fewer: bigger batches, less work per callback). With a linger, a second batch starts beside one in flight only with as many callbacks as were in play at the last commit. A refund of a late payment is asked for outside its batch, so a slow provider holds up no batch.",
  }),
  PAYMENTS_CALLBACK_LINGER_MS: Type.Integer({
    minimum: 0,
    maximum: 100,
    default: 10,
    description:
      "How long callbacks wait for company when fewer are queued than were in play at the last commit (0: only those of the same tick form a batch): the callers a batch just answered come back into the next batch instead of after a small one.",
  }),
  PAYMENTS_SANDBOX_PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 8090,
    description: "Port of the local sandbox (payment page and Merchant API) when PAYMENTS_PROVIDER=sandbox; 0 = any free port.",
  }),
  PAYMENTS_SANDBOX_CALLBACK_RETRY_MS: Type.Integer({
    minimum: 10,
    default: 1_800_000,
    description: "Sandbox: pause between result-callback attempts (FreedomPay: 30 min).",
  }),
  PAYMENTS_SANDBOX_BANK_TIMEOUT_MS: Type.Integer({
    minimum: 10,
    default: 60_000,
    description: "Sandbox: how long 'bank timeout' leaves a payment pending before it fails.",
  }),
  PAYMENTS_SANDBOX_FEE_PERCENT: Type.Number({
    minimum: 0,
    maximum: 50,
    default: 0,
    description: "Sandbox: the provider's fee in percent of each payment, reported as pg_net_amount and booked to provider_fees in the ledger.",
  }),
});

export const paymentsService = defineService({
  name: "payments",
  bus: {
    calls: [identity.canActForOrg, events.get, bookings.ordersGet, bookings.ordersBeginPayment, bookings.ordersSettleMany],
    publishes: Object.values(paymentEvents),
    consumes: ["EVENTS"],
    durables: [BOOKINGS_CONSUMER, EVENTS_CONSUMER],
  },
  version: "0.1.0",
  description: "Payments: FreedomPay payments for bookings, callbacks, refunds, ledger, receipts.",
  env: PaymentsEnv,
  migrations: [schema],
  async setup(rt) {
    const env = rt.env;
    let sandbox: Sandbox | undefined;
    let sandboxServer: Server | undefined;
    let host = env.PAYMENTS_HOST;
    if (env.PAYMENTS_PROVIDER === "freedompay") {
      if (!host) host = "https://api.freedompay.kz";
      if (env.PAYMENTS_SECRET_KEY === "sandbox-secret") {
        throw new ConfigError("invalid environment: PAYMENTS_SECRET_KEY must be set for PAYMENTS_PROVIDER=freedompay");
      }
    } else if (!host) {
      let base = "";
      sandbox = createSandbox({
        merchantId: env.PAYMENTS_MERCHANT_ID,
        secretKey: env.PAYMENTS_SECRET_KEY,
        baseUrl: () => base,
        callbackRetryMs: env.PAYMENTS_SANDBOX_CALLBACK_RETRY_MS,
        bankTimeoutMs: env.PAYMENTS_SANDBOX_BANK_TIMEOUT_MS,
        feePercent: env.PAYMENTS_SANDBOX_FEE_PERCENT,
      });
      sandboxServer = createServer(sandbox.app.callback());
      await new Promise<void>((resolve, reject) => {
        sandboxServer!.once("error", reject);
        sandboxServer!.listen(env.PAYMENTS_SANDBOX_PORT, "127.0.0.1", resolve);
      });
      base = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;
      host = base;
      rt.log.info({ url: base }, "FreedomPay sandbox listening (payment pages at /pay/<id>)");
    }
    const provider = freedomPay({
      host,
      merchantId: env.PAYMENTS_MERCHANT_ID,
      secretKey: env.PAYMENTS_SECRET_KEY,
      testing: env.PAYMENTS_TESTING_MODE || env.PAYMENTS_PROVIDER === "sandbox",
      timeoutMs: env.PAYMENTS_PROVIDER_TIMEOUT_MS,
    });
    const resultUrl = `${env.PAYMENTS_PUBLIC_URL.replace(/\/+$/, "")}${CALLBACK_PATH}`;
    const nc = rt.nats.nc;
    const opts = { timeoutMs: 5_000 };
    const deps: Deps = {
      db: rt.db,
      log: rt.log,
      provider,
      flushOutbox: rt.flushOutbox,
      now: () => new Date(),
      bookings: {
        get: (orderId) => call(nc, bookings.ordersGet, { orderId }, opts),
        beginPayment: (orderId, paymentId) => call(nc, bookings.ordersBeginPayment, { orderId, paymentId }, opts),
        settleMany: (items) => call(nc, bookings.ordersSettleMany, { items }, opts),
      },
      async eventOwner(eventId): Promise<EventOwner | undefined> {
        const known = await eventOwnerOf(rt.db, eventId);
        if (known) return known;
        // Not projected yet (the event was published moments ago): a published event is readable without a principal.
        const e = await call(nc, events.get, { eventId }, opts).catch(() => undefined);
        if (!e) return undefined;
        const owner = { eventId, organizerId: e.organizerId, organizationId: e.organizationId ?? null, title: e.title };
        await saveEventOwner(rt.db, owner, new Date());
        return owner;
      },
      async canActForOrg(principal, orgId) {
        const r = await call(nc, identity.canActForOrg, { userId: principal.sub, orgId, minRole: "admin" }, { principal, timeoutMs: 3_000 });
        return r.allowed;
      },
      config: {
        resultUrl,
        callbackScript: scriptName(resultUrl),
        reconcileAfterMs: env.PAYMENTS_RECONCILE_AFTER_MS,
        reconcileEveryMs: env.PAYMENTS_RECONCILE_EVERY_MS,
      },
    };

    const mailbox = new ResultMailbox(deps, {
      batchMax: env.PAYMENTS_CALLBACK_BATCH_MAX,
      batches: env.PAYMENTS_CALLBACK_BATCHES,
      lingerMs: env.PAYMENTS_CALLBACK_LINGER_MS,
    });

    // Refund retries: the schedule is in the rows (retry_at), this only wakes the pass.
    let passing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      passing = passing.then(() => retryRefunds(deps)).catch((err: unknown) => rt.log.warn({ err }, "refund retry pass failed"));
    }, env.PAYMENTS_REFUND_RETRY_POLL_MS);
    timer.unref();

    return {
      endpoints: [
        paymentsCreateEndpoint(deps),
        paymentsGetEndpoint(deps),
        paymentsListEndpoint(deps),
        paymentsRefundEndpoint(deps),
        transactionsListEndpoint(deps),
        methodsListEndpoint(deps),
        methodsSaveEndpoint(deps),
        receiptsGetEndpoint(deps),
        callbacksResultEndpoint(deps, mailbox),
      ],
      consumers: [refundCancelledBookingsConsumer(deps), eventsProjectionConsumer(deps)],
      // The timer's transaction stands in for the service's db handle (see TimerHandler).
      timers: [{ kind: RECONCILE_TIMER, handle: (trx, timer) => reconcilePayment({ ...deps, db: trx }, timer) }],
      async stop() {
        clearInterval(timer);
        await mailbox.idle();
        await passing;
        sandbox?.stop();
        if (sandboxServer) {
          sandboxServer.closeAllConnections();
          await new Promise<void>((resolve) => sandboxServer!.close(() => resolve()));
        }
      },
    };
  },
});
