/**
 * The floor under bench/checkout.ts's callback figure: what the platform's shape can do at best on
 * this machine, in the same run as the same raw baseline. A bare Koa route takes a form post (a
 * callback's size), makes one NATS request, and a responder answers every request of a tick after
 * one batched `UPDATE … WHERE id = any($1)` — no signature, no validation, no ledger, no events.
 * Then the same without the database (Koa + NATS alone), then raw single-row updates (32 in flight
 * over 16 connections, as bench/checkout.ts). The HTTP clients run in a worker thread, 32 in flight.
 * If the floor is below a target ratio, no implementation of that shape reaches it here.
 *   npx node bench/callback-floor.ts [--posts 5000] [--rounds 2]
 */
import { parseArgs } from "node:util";
import process from "node:process";
import { loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Koa from "koa";
import pg from "pg";
import { connect, type Msg } from "@nats-io/transport-node";
import { startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { median, pool } from "./harness.ts";

const { values: args } = parseArgs({ options: { posts: { type: "string", default: "5000" }, rounds: { type: "string", default: "2" } } });
const N = Number(args.posts);
const ROUNDS = Number(args.rounds);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

const nats = await startNats({ open: true });
const db = await createDatabase();
const pgPool = new pg.Pool({ connectionString: db.url, max: 16 });
await pgPool.query("create table public.bench_rows (id int primary key, v int not null default 0)");
await pgPool.query("insert into public.bench_rows (id) select generate_series(1, 1000)");
const edgeNc = await connect({ servers: nats.url });
const serviceNc = await connect({ servers: nats.url });

let withDb = true;
let queue: Array<{ id: number; msg: Msg }> = [];
let scheduled = false;
serviceNc.subscribe("floor.settle", {
  callback: (_err, msg) => {
    queue.push({ id: Number(new URLSearchParams(msg.string()).get("id")), msg });
    if (scheduled) return;
    scheduled = true;
    setImmediate(async () => {
      scheduled = false;
      const batch = queue;
      queue = [];
      if (withDb) await pgPool.query("update public.bench_rows set v = v + 1 where id = any($1::int[])", [batch.map((x) => x.id)]);
      for (const x of batch) x.msg.respond("<response><pg_status>ok</pg_status></response>");
    });
  },
});
const app = new Koa();
app.use(async (ctx) => {
  let text = "";
  for await (const chunk of ctx.req) text += String(chunk);
  const reply = await edgeNc.request("floor.settle", text, { timeout: 5_000 });
  ctx.type = "text/xml";
  ctx.body = reply.string();
});
const server = createServer(app.callback());
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;

// A callback's form: the fields FreedomPay sends, ~400 bytes.
const body = (i: number) =>
  `pg_order_id=${crypto.randomUUID()}&pg_payment_id=${
    100000 + i
  }&pg_amount=15.00&pg_currency=EUR&pg_net_amount=14.55&pg_ps_amount=15&pg_ps_full_amount=15.00&pg_ps_currency=EUR&pg_description=Checkout&pg_result=1&pg_payment_date=2026-12-05+17%3A00%3A00&pg_can_reject=1&pg_user_phone=&pg_user_contact_email=buyer%40example.org&pg_testing_mode=1&pg_captured=1&pg_card_pan=5483-18XX-XXXX-0293&id=${
    (i % 1000) + 1
  }&pg_salt=abcdefghijklmnop&pg_sig=0123456789abcdef0123456789abcdef`;
const clients = new Worker(
  `const { parentPort, workerData } = require("node:worker_threads");
parentPort.on("message", async (bodies) => {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < bodies.length) {
      const r = await fetch(workerData.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: bodies[next++] });
      await r.text();
    }
  }));
  parentPort.postMessage((performance.now() - t0) / 1000);
});`,
  { eval: true, workerData: { url } },
);
const post = async (): Promise<number> => {
  const bodies = Array.from({ length: N }, (_, i) => body(i));
  const done = new Promise<number>((r) => clients.once("message", r));
  clients.postMessage(bodies);
  return N / await done;
};
const raw = async (): Promise<number> => {
  const rawPool = new pg.Pool({ connectionString: db.url, max: 16 });
  const U = 5_000;
  const t0 = performance.now();
  await pool(
    Array.from({ length: U }),
    32,
    async (_x, i) => void (await rawPool.query("update public.bench_rows set v = v + 1 where id = $1", [(i % 1000) + 1])),
  );
  const perS = U / ((performance.now() - t0) / 1000);
  await rawPool.end();
  return perS;
};

try {
  console.log(`load ${loadavg()[0].toFixed(1)} on ${navigator.hardwareConcurrency} cores; ${N} posts per round, 32 in flight`);
  await post(); // warm-up: JIT, connections
  const floor: number[] = [], bare: number[] = [], rawRates: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    withDb = true;
    floor.push(await post());
    withDb = false;
    bare.push(await post());
    rawRates.push(await raw());
    console.log(
      `round ${round}: Koa + NATS + batched UPDATE ${floor.at(-1)!.toFixed(0)}/s, Koa + NATS ${bare.at(-1)!.toFixed(0)}/s, raw single-row updates ${
        rawRates.at(-1)!.toFixed(0)
      }/s`,
    );
  }
  const ratio = (xs: number[]) => r3(median(xs.map((x, i) => x / rawRates[i])));
  console.log(`floor ${ratio(floor)} of raw (Koa + NATS + batched UPDATE), ${ratio(bare)} of raw without the database`);
  const result = {
    load: Number(loadavg()[0].toFixed(1)),
    floor_per_s: Math.round(median(floor)),
    floor_no_db_per_s: Math.round(median(bare)),
    raw_updates_per_s: Math.round(median(rawRates)),
    floor_vs_raw: ratio(floor),
    floor_no_db_vs_raw: ratio(bare),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  await clients.terminate();
  server.close();
  await edgeNc.close();
  await serviceNc.close();
  await pgPool.end();
  await db.drop();
  await nats.stop();
}
