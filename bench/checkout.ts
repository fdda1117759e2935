/**
 * Checkout end to end through the edge, on the real services (identity, events, bookings,
 * payments, edge) and the FreedomPay sandbox: POST /v1/bookings (a held paid order) → POST
 * /v1/payments → pay on the sandbox's page (no artificial delay) → the sandbox's signed result
 * callback → the edge → payments (batched) → svc.bookings.orders.settle-many → evt.booking.confirmed. Reports the
 * time from reservation to confirmation (p50/p99, N checkouts, C in flight), then callbacks handled
 * per second (signed callbacks of pending payments posted to the edge, 32 in flight) beside the
 * raw Postgres single-row update rate measured in the same run on the same database.
 * The platform runs on this thread, as `make up` runs it (all services in one process); the buyers'
 * HTTP clients and the sandbox run in a worker thread (bench/checkout-load.ts), as they run on other
 * machines in production. Beside each phase: how busy the platform's event loop was (1 = saturated).
 * `--processes` runs each service in its own process instead (services/main.ts with SERVICES=<name>,
 * as the Helm charts deploy them), sharing one set of secrets; the event loop figure is then absent.
 * Beside the checkout phase (one process only): the platform thread's CPU per checkout
 * (`process.threadCpuUsage`), less noisy than latency on a shared machine.
 * `--profile` runs the checkout phase under the V8 CPU profiler on the platform's thread and writes
 * checkout.cpuprofile (open it in Chrome's DevTools) — where the time goes, not a figure.
 * Targets: checkout p99 < 300 ms; callbacks ≥ 0.5 of the raw rate.
 *   npx node bench/checkout.ts [--checkouts 1000] [--concurrency 20] [--callbacks 1000] [--processes] [--profile]
 */
import { parseArgs } from "node:util";
import process from "node:process";
import { loadavg } from "node:os";
import { writeFile } from "node:fs/promises";
import inspector from "node:inspector/promises";
import { Worker } from "node:worker_threads";
import { performance as perf } from "node:perf_hooks";
import pg from "pg";
import { freePort, startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { run } from "../services/kit/run.ts";
import { identityService } from "../services/identity/index.ts";
import { eventsService } from "../services/events/index.ts";
import { bookingsService } from "../services/bookings/index.ts";
import { paymentsService } from "../services/payments/index.ts";
import { edgeService } from "../services/edge/index.ts";
import { fileURLToPath } from "node:url";
import { secretGroups } from "../deploy/local/secrets.ts";
import { spawnTs } from "../services/kit/test/helpers.ts";
import { pool } from "./harness.ts";
import type { FromLoad, LoadInput, LoadOutput, ToLoad } from "./checkout-load.ts";

const { values: args } = parseArgs({
  options: {
    checkouts: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "20" },
    callbacks: { type: "string", default: "1000" },
    processes: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
});
const N = Number(args.checkouts);
const C = Number(args.concurrency);
const M = Number(args.callbacks);
if (args.profile && args.processes) throw new Error("--profile profiles the platform's thread: not with --processes");

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const db = await createDatabase();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const MERCHANT = "552170";
const SECRET = "bench-secret-key";
const input: LoadInput = { natsUrl: nats.url, merchantId: MERCHANT, secretKey: SECRET, checkouts: N, concurrency: C, callbacks: M };
const load = new Worker(new URL("./checkout-load.ts", import.meta.url), { workerData: input });
const fromLoad: FromLoad[] = [];
const waiting: ((m: FromLoad) => void)[] = [];
load.on("message", (m: FromLoad) => (waiting.length ? waiting.shift()!(m) : fromLoad.push(m)));
load.on("error", (err) => {
  console.error(err);
  process.exit(1);
});
const next = () => fromLoad.length ? Promise.resolve(fromLoad.shift()!) : new Promise<FromLoad>((resolve) => waiting.push(resolve));
const tell = (m: ToLoad) => load.postMessage(m);

const sandboxUrl = ((await next()) as { url: string }).url;
const env = {
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
};
const SERVICES = [identityService, eventsService, bookingsService, paymentsService, edgeService];
const platform = args.processes ? await startProcesses() : await startInProcess();
tell({ type: "edge", base });

type Platform = { charges(): Promise<number>; stop(): Promise<void> };

async function startInProcess(): Promise<Platform> {
  const running = await run(SERVICES, env);
  return {
    charges: async () => Number((await running.dbs.get("payments")!("ledger_transactions").where({ kind: "charge" }).count({ n: "*" }))[0].n),
    stop: () => running.stop(),
  };
}

/** Each service in its own process, as deployed: secrets made once here and given to all. */
async function startProcesses(): Promise<Platform> {
  const secrets = Object.assign({}, ...secretGroups.map((g) => g.make())) as Record<string, string>;
  const children = SERVICES.map((s) =>
    spawnTs(fileURLToPath(new URL("../services/main.ts", import.meta.url)), {
      ...env,
      ...secrets,
      SERVICES: s.name,
      LOG_LEVEL: "info",
      HTTP_PORT: s === edgeService ? String(port) : "0",
      OPS_PORT: "0",
    })
  );
  await Promise.all(children.map((c) => c.line(/convene is up/, 60_000)));
  const counter = new pg.Pool({ connectionString: db.url, max: 1 });
  return {
    charges: async () => Number((await counter.query("select count(*) as n from payments.ledger_transactions where kind = 'charge'")).rows[0].n),
    stop: async () => {
      await counter.end();
      for (const c of children) c.kill("SIGTERM");
      await Promise.all(children.map((c) => c.exited));
    },
  };
}

// The load thread asks for the probe's ledger charges and marks its phases; the platform's event
// loop utilization is read across each phase.
const busy: Record<string, number> = {};
const loopNote = (phase: string) => phase in busy ? `; platform event loop busy ${busy[phase]}` : "";
let output: LoadOutput | undefined;
let cpuMsPerCheckout: number | undefined;
let session: inspector.Session | undefined;
try {
  let elu = perf.eventLoopUtilization();
  let cpu = process.threadCpuUsage();
  for (;;) {
    const m = await next();
    if (m.type === "charges") {
      // Bookings confirms inside payments' callback transaction, so the charge commits just after.
      let n = 0;
      for (let i = 0; i < 100 && n === 0; i++) {
        n = await platform.charges();
        if (n === 0) await new Promise((r) => setTimeout(r, 100));
      }
      tell({ type: "charges", n });
    } else if (m.type === "phase") {
      if (m.edge === "start") {
        if (args.profile && m.name === "checkouts") {
          session = new inspector.Session();
          session.connect();
          await session.post("Profiler.enable");
          await session.post("Profiler.start");
        }
        elu = perf.eventLoopUtilization();
        cpu = process.threadCpuUsage();
      } else if (!args.processes) {
        busy[m.name] = r3(perf.eventLoopUtilization(elu).utilization);
        const used = process.threadCpuUsage(cpu);
        if (m.name === "checkouts") cpuMsPerCheckout = (used.user + used.system) / 1000 / N;
        if (session && m.name === "checkouts") {
          const { profile } = await session.post("Profiler.stop");
          session.disconnect();
          session = undefined;
          await writeFile("checkout.cpuprofile", JSON.stringify(profile));
          console.log("checkout phase profile in checkout.cpuprofile");
        }
      }
    } else if (m.type === "failed") throw new Error(`load thread: ${m.message}`);
    else if (m.type === "done") {
      output = m.output;
      break;
    }
  }
  const { times, failed, checkoutSeconds, callbacks, callbackSeconds, probeMs } = output;
  console.log(`load ${loadavg()[0].toFixed(1)} on ${navigator.hardwareConcurrency} cores`);
  console.log(`probe checkout ${r1(probeMs)} ms: confirmed (evt.booking.confirmed), one ledger charge`);
  console.log(
    `${N} checkouts (${failed} failed), ${C} in flight: p50 ${r1(pct(times, 50))} ms, p99 ${r1(pct(times, 99))} ms, ${r1(N / checkoutSeconds)} checkouts/s${
      loopNote("checkouts")
    }${cpuMsPerCheckout === undefined ? "" : `, ${r3(cpuMsPerCheckout)} ms of its CPU per checkout`}`,
  );
  const callbacksPerS = callbacks / callbackSeconds;

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
    `callbacks: ${r1(callbacksPerS)}/s (${callbacks}, 32 in flight${loopNote("callbacks")}); raw single-row updates: ${r1(rawPerS)}/s; ratio ${
      r3(callbacksPerS / rawPerS)
    }`,
  );

  const result = {
    load: Number(loadavg()[0].toFixed(1)),
    topology: args.processes ? "process per service" : "one process",
    checkouts: N,
    failed_checkouts: failed,
    concurrency: C,
    checkout_p50_ms: r1(pct(times, 50)),
    checkout_p99_ms: r1(pct(times, 99)),
    checkouts_per_s: r1(N / checkoutSeconds),
    checkout_loop_busy: busy.checkouts,
    checkout_cpu_ms: cpuMsPerCheckout === undefined ? undefined : r3(cpuMsPerCheckout),
    callbacks_per_s: r1(callbacksPerS),
    callback_loop_busy: busy.callbacks,
    raw_updates_per_s: r1(rawPerS),
    callbacks_vs_raw: r3(callbacksPerS / rawPerS),
    targets_met: pct(times, 99) < 300 && callbacksPerS / rawPerS >= 0.5,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  await load.terminate();
  await platform.stop();
  await db.drop();
  await nats.stop();
}
