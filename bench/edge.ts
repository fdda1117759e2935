/**
 * Cost of the edge, in one run, 100 connections (autocannon): a bare Koa hello-world route; a bare
 * Koa route doing one raw NATS request; a public item read through the edge, uncached and cached;
 * an authenticated write through the edge. Targets: uncached ≥ 85% of bare Koa+NATS, cached ≥ 75%
 * of hello-world.
 *   npx node bench/edge.ts [--seconds 3] [--rounds 5]
 *
 * Each round measures every contender back to back; a ratio is the median of the per-round
 * ratios (a round's contenders share that moment's machine noise), figures the median round.
 *
 * The servers run in a child process (this file with --serve), autocannon here, so the load
 * generator does not share the servers' event loop. Reads and writes go to a kit responder of the
 * shape of an event read (svc.events.* had not landed when this was written); the raw Koa+NATS
 * baseline asks the same responder. The edge runs as in production: telemetry on, logs at warn.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import process from "node:process";
import autocannon from "autocannon";
import Koa from "koa";
import { Router } from "@koa/router";
import { connect } from "@nats-io/transport-node";
import { run } from "../services/kit/run.ts";
import { call } from "../services/kit/call.ts";
import { connectNats } from "../services/kit/nats.ts";
import { startTelemetry } from "../services/kit/trace.ts";
import { makeEdgeService } from "../services/edge/index.ts";
import { testContracts, testResponder, testRoutes, testSigner, token } from "../services/edge/test/responders.ts";
import { freePort, startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";

const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "3" }, rounds: { type: "string", default: "5" }, serve: { type: "boolean", default: false } },
});
const itemId = "3c9e1f2a-6b7d-4e8f-9a0b-1c2d3e4f5a6b";
const tag = "bench";

type Ports = { hello: number; koaNats: number; uncached: number; cached: number; token: string };

async function serveAll(): Promise<void> {
  const natsUrl = process.env.NATS_URL!;
  startTelemetry({ serviceName: "bench-edge" });
  const contracts = testContracts(tag);
  const signer = await testSigner();
  const calls = new Map<string, number>();
  const env = {
    NATS_URL: natsUrl,
    DATABASE_URL: process.env.DATABASE_URL,
    LOG_LEVEL: "warn",
    RATE_LIMIT_IP_PER_MINUTE: "100000000",
    RATE_LIMIT_USER_PER_MINUTE: "100000000",
  };
  // The responder and the uncached edge, as `SERVICES=all` would run them; a second edge (its own
  // process in production) with the read cache on.
  const uncached = await run([testResponder(tag, contracts, { keys: [signer.jwk] }, calls), makeEdgeService(testRoutes(contracts))], {
    ...env,
    HTTP_PORT: String(await freePort()),
    READ_CACHE_MAX_ENTRIES: "0",
  });
  const cached = await run([makeEdgeService(testRoutes(contracts))], { ...env, HTTP_PORT: String(await freePort()) });

  const hello = new Koa();
  const helloRouter = new Router();
  helloRouter.get("/hello", (ctx) => {
    ctx.body = { hello: "world" };
  });
  hello.use(helloRouter.routes());

  const nc = await connect({ servers: natsUrl, noAsyncTraces: true });
  const koaNats = new Koa();
  const natsRouter = new Router();
  const body = new TextEncoder().encode(JSON.stringify({ itemId }));
  natsRouter.get("/items/:id", async (ctx) => {
    const reply = await nc.request(contracts.getItem.subject, body, { timeout: 5_000 });
    ctx.type = "application/json";
    ctx.body = reply.string();
  });
  // The same route through the kit's call (headers: trace, deadline; validation at the responder
  // is there in both): how much of the edge's cost is the kit's, not the edge's.
  const kitNats = await connectNats({ servers: natsUrl, name: "bench-kit" });
  natsRouter.get("/kit/items/:id", async (ctx) => {
    ctx.body = await call(kitNats.nc, contracts.getItem, { itemId });
  });
  koaNats.use(natsRouter.routes());

  const listen = (app: Koa) =>
    new Promise<number>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve((s.address() as { port: number }).port));
    });
  const ports: Ports = {
    hello: await listen(hello),
    koaNats: await listen(koaNats),
    uncached: Number(new URL(uncached.url).port),
    cached: Number(new URL(cached.url).port),
    token: await token(signer, { sub: randomUUID(), roles: ["participant"] }, { exp: "1h" }),
  };
  process.stdout.write(`PORTS ${JSON.stringify(ports)}\n`);
  // exit() (not a kill) so `--cpu-prof` can write its profile.
  process.once("SIGTERM", () => process.exit(0));
}

type Figure = { rps: number; p99: number; errors: number };

async function load(opts: autocannon.Options): Promise<Figure> {
  const r = await autocannon({ connections: 100, duration: Number(args.seconds), ...opts });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

async function main(): Promise<void> {
  // An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
  const nats = await startNats({ open: true });
  const pg = await createDatabase("convene_bench");
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve"], {
    env: { ...process.env, NATS_URL: nats.url, DATABASE_URL: pg.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const ports = await new Promise<Ports>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d) => {
        out += String(d);
        const m = out.match(/PORTS (\{.*\})\n/);
        if (m) resolve(JSON.parse(m[1]) as Ports);
      });
      child.once("exit", (code) => reject(new Error(`server process exited (${code})`)));
    });
    const at = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
    const contenders: Record<string, autocannon.Options> = {
      "koa hello-world": { url: at(ports.hello, "/hello") },
      "koa + raw NATS request": { url: at(ports.koaNats, `/items/${itemId}`) },
      "koa + kit call": { url: at(ports.koaNats, `/kit/items/${itemId}`) },
      "edge public read, uncached": { url: at(ports.uncached, `/v1/items/${itemId}`) },
      "edge public read, cached": { url: at(ports.cached, `/v1/items/${itemId}`) },
      "edge authenticated write": {
        url: at(ports.uncached, "/v1/items"),
        method: "POST",
        headers: { authorization: `Bearer ${ports.token}`, "content-type": "application/json" },
        body: JSON.stringify({ title: "NATS in Production Conference" }),
      },
    };
    // Warm-up, then rounds interleaved so machine noise hits every contender alike; keep the median.
    for (const opts of Object.values(contenders)) await load({ ...opts, duration: 1 });
    const runs: Record<string, Figure[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    for (let r = 0; r < Number(args.rounds); r++) for (const [name, opts] of Object.entries(contenders)) runs[name].push(await load(opts));
    const results = Object.fromEntries(
      Object.entries(runs).map(([name, figures]) => [name, [...figures].sort((a, b) => a.rps - b.rps)[Math.floor(figures.length / 2)]]),
    ) as Record<string, Figure>;

    const rows = Object.entries(results).map(([name, f]) =>
      `${name.padEnd(30)} ${f.rps.toFixed(0).padStart(9)} ${f.p99.toFixed(1).padStart(8)} ${String(f.errors).padStart(7)}`
    );
    process.stdout.write(
      `\nedge benchmark: 100 connections, ${args.seconds} s × ${args.rounds} rounds (median per contender)\n${"contender".padEnd(30)} ${"req/s".padStart(9)} ${
        "p99 ms".padStart(8)
      } ${"errors".padStart(7)}\n${rows.join("\n")}\n\n`,
    );
    const r = (k: string) => results[k];
    const ratio = (a: string, b: string) => median(runs[a].map((f, i) => f.rps / runs[b][i].rps));
    for (let i = 0; i < Number(args.rounds); i++) {
      process.stdout.write(`round ${i + 1}: ${Object.entries(runs).map(([k, f]) => `${k} ${f[i].rps.toFixed(0)}`).join(", ")}\n`);
    }
    const uncachedVsKoaNats = ratio("edge public read, uncached", "koa + raw NATS request");
    const cachedVsHello = ratio("edge public read, cached", "koa hello-world");
    process.stdout.write(
      `uncached read / koa+NATS = ${(uncachedVsKoaNats * 100).toFixed(0)}% (target ≥ 85%); cached read / hello-world = ${
        (cachedVsHello * 100).toFixed(0)
      }% (target ≥ 75%)\n`,
    );
    const result = {
      hello_rps: Math.round(r("koa hello-world").rps),
      koa_nats_rps: Math.round(r("koa + raw NATS request").rps),
      koa_kit_call_rps: Math.round(r("koa + kit call").rps),
      uncached_rps: Math.round(r("edge public read, uncached").rps),
      cached_rps: Math.round(r("edge public read, cached").rps),
      write_rps: Math.round(r("edge authenticated write").rps),
      uncached_p99_ms: r("edge public read, uncached").p99,
      cached_p99_ms: r("edge public read, cached").p99,
      write_p99_ms: r("edge authenticated write").p99,
      uncached_vs_koa_nats: Number(uncachedVsKoaNats.toFixed(3)),
      cached_vs_hello: Number(cachedVsHello.toFixed(3)),
      uncached_vs_koa_kit_call: Number(ratio("edge public read, uncached", "koa + kit call").toFixed(3)),
      errors: Object.values(results).reduce((n, f) => n + f.errors, 0),
    };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    child.kill("SIGTERM");
    await nats.stop();
    await pg.drop();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (args.serve) await serveAll();
else await main();
