/**
 * Flash sale: one event with 10,000 seats and 500 clients booking one or two seats each until it
 * is sold out, through the bookings service (NATS) and through the edge (HTTP); in the same run
 * the raw hot-row rate on the same Postgres (500 clients over a 50-connection pool, each doing
 * BEGIN; UPDATE remaining WHERE enough remain; INSERT the order; COMMIT); and a spread load of
 * 1,000 events with 10 seats each through the service. Checks before it reports: no event sold
 * more than its seats, every booked order has one ticket per seat.
 * Targets: bookings/s ≥ 4× the hot row, p99 < 100 ms, 0 oversold.
 *   npx node bench/flash-sale.ts [--seats 10000] [--clients 500]
 * `--profile service|edge|spread` runs that phase alone under the V8 CPU profiler and writes
 * flash-sale-<phase>.cpuprofile (open it in Chrome's DevTools) — where the time goes, not a figure.
 * `--only service[,edge,spread]` runs those phases (and the hot row) alone; `--rounds N` (3) runs
 * the service phase N times on fresh events with fresh buyers and reports each round and the round
 * of median p99 (a round is ±30% on a shared machine; `--rounds 1` for one). Before the service
 * phase a warm-up sale (`--warmup 2000` seats, 0 for none) by 500 other users warms the process
 * (JIT, compiled schemas, pooled connections), as a service is warm when a real sale opens; the
 * measured users are new to it, so verifying their tokens and finding their names is measured.
 * Each phase prints, as it ends, its latency histogram (is the tail a few long pauses or a whole
 * population waiting a batch cycle?), the p99 of its first 10% of bookings apart from the rest
 * (cold start), and the CPU each booking cost on the platform's thread, nats-server and Postgres
 * (the database's backends): on a shared machine those hold better than the wall-clock rates.
 * The platform (identity, bookings, edge) runs on this thread as `make up` runs it; the clients run
 * in a worker thread (bench/flash-sale-load.ts), as they run on other machines in production.
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import inspector from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import pg from "pg";
import { run } from "../services/kit/run.ts";
import { Worker } from "node:worker_threads";
import { loadPrincipalKeys } from "../services/kit/principal-token.ts";
import { connectNats } from "../services/kit/nats.ts";
import { identityService } from "../services/identity/index.ts";
import { edgeService } from "../services/edge/index.ts";
import { bookingsService } from "../services/bookings/index.ts";
import { eventEvents } from "../subjects/events.ts";
import { identityEvents } from "../subjects/identity.ts";
import type { Principal } from "../subjects/principal.ts";
import { startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import type { LoadInput, SaleDone, SaleOrder } from "./flash-sale-load.ts";

const { values: args } = parseArgs({
  options: {
    seats: { type: "string", default: "10000" },
    clients: { type: "string", default: "500" },
    events: { type: "string", default: "1000" },
    profile: { type: "string" },
    only: { type: "string", default: "service,edge,spread" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "2000" },
  },
});
const PHASES = new Set(args.only.split(","));
const ROUNDS = Math.max(1, Number(args.rounds));
const WARMUP_SEATS = Number(args.warmup);
const SEATS = Number(args.seats);
const CLIENTS = Number(args.clients);
const SPREAD_EVENTS = Number(args.events);

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const db = await createDatabase("convene_bench");
const running = await run([identityService, bookingsService, edgeService], {
  NATS_URL: nats.url,
  DATABASE_URL: db.url,
  HTTP_PORT: "0",
  LOG_LEVEL: "silent",
  RATE_LIMIT_IP_PER_MINUTE: "100000000",
  RATE_LIMIT_USER_PER_MINUTE: "100000000",
  // The service's own settings pass through, for comparisons in one sitting (BOOKINGS_DIRECT_BATCH_MAX=0 …).
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("BOOKINGS_"))),
});
const client = await connectNats({ servers: nats.url, name: "flash-sale" });
// The clients run in a worker thread (bench/flash-sale-load.ts) and call as users, as the edge
// would, signing with the development key pair the services in this process trust.
const signingKeyPem = loadPrincipalKeys({}, { mints: true }).signing!.export({ format: "pem", type: "pkcs8" }).toString();
const load = new Worker(new URL("./flash-sale-load.ts", import.meta.url), {
  workerData: { natsUrl: nats.url, signingKeyPem, clients: CLIENTS } satisfies LoadInput,
});
load.on("error", (err) => {
  console.error(err);
  process.exit(1);
});
await new Promise((ready) => load.once("message", ready));
const bookingsDb = running.dbs.get("bookings")!;

async function publishEvents(n: number, capacity: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const eventId = randomUUID();
    ids.push(eventId);
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const data = {
      eventId,
      organizerId: randomUUID(),
      organizationId: null,
      visibility: "public",
      status: "published",
      title: "Flash sale",
      startsAt,
      endsAt: startsAt,
      timeZone: "UTC",
      venue: null,
      onlineUrl: null,
      sequence: 0,
      capacity,
    };
    const envelope = { id: randomUUID(), type: eventEvents.published.subject, version: 1, source: "events", occurredAt: new Date().toISOString(), data };
    await client.js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
  }
  for (;;) {
    const r = await bookingsDb("quotas").whereIn("event_id", ids).count({ n: "*" }).first();
    if (Number(r?.n) === n) return ids;
    await new Promise((res) => setTimeout(res, 100));
  }
}

type Run = { booked: number; seconds: number; p99: number; errors: number; latencies: number[]; coldP99: number; warmP99: number; cpu?: CpuPerBooking };
/** ms of CPU per booking: the platform's thread (services, edge), the clients' thread, nats-server, Postgres' backends. */
type CpuPerBooking = { node: number; clients: number; nats: number; postgres: number };

/** Latencies (ms, in completion order) as a run: p99 overall, of the first 10% and of the rest. */
function runOf(latencies: number[], seconds: number, errors: number): Run {
  const cut = Math.ceil(latencies.length / 10);
  return {
    booked: latencies.length,
    seconds,
    p99: p99(latencies),
    errors,
    latencies,
    coldP99: p99(latencies.slice(0, cut)),
    warmP99: p99(latencies.slice(cut)),
  };
}

function p99(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.99)] ?? NaN;
}

const BUCKETS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150, 200, 300, 500, 1000, Infinity];
/** `≤10ms 2% │ ≤20ms 5% │ …`: the share of bookings answered within each bound (not cumulative). */
function histogram(latencies: number[]): string {
  const counts = BUCKETS.map(() => 0);
  for (const ms of latencies) counts[BUCKETS.findIndex((b) => ms <= b)]++;
  return BUCKETS.map((b, i) => [b, counts[i]] as const)
    .filter(([, n]) => n > 0)
    .map(([b, n]) => `${b === Infinity ? ">1000" : `≤${b}`}ms ${((n / latencies.length) * 100).toFixed(1)}%`)
    .join(" │ ");
}

/** CPU seconds (user + system) of a process, from /proc (Linux; 0 elsewhere). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The nats-server this bench started (found by its port). */
function natsPid(): number | undefined {
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0");
      if (cmd[0].endsWith("nats-server") && cmd.includes(String(nats.port))) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** Starts counting CPU; the returned function gives what each side spent per booking, in ms. */
async function cpuMeter(): Promise<(booked: number, clientSeconds: number) => Promise<CpuPerBooking>> {
  const pgPids = async () =>
    (await bookingsDb.raw("select pid from pg_stat_activity where datname = current_database()")).rows.map((r: { pid: number }) => r.pid) as number[];
  const natsAt = natsPid();
  const before = new Map((await pgPids()).map((p) => [p, cpuSecondsOf(p)]));
  const nodeBefore = process.threadCpuUsage();
  const natsBefore = natsAt ? cpuSecondsOf(natsAt) : 0;
  return async (booked, clientSeconds) => {
    const node = process.threadCpuUsage(nodeBefore);
    const natsSeconds = natsAt ? cpuSecondsOf(natsAt) - natsBefore : 0;
    // Backends that connected meanwhile count from zero; those that left meanwhile are lost.
    const pgSeconds = (await pgPids()).reduce((s, p) => s + cpuSecondsOf(p) - (before.get(p) ?? 0), 0);
    const per = (seconds: number) => Number(((seconds * 1000) / Math.max(1, booked)).toFixed(3));
    return { node: per((node.user + node.system) / 1e6), clients: per(clientSeconds), nats: per(natsSeconds), postgres: per(pgSeconds) };
  };
}

function report(name: string, r: Run, extra = ""): void {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor(sorted.length * q)] ?? NaN).toFixed(1);
  console.log(
    `${name.padEnd(14)} ${perSec(r).toFixed(0)} bookings/s${extra}, p50 ${at(0.5)} / p90 ${at(0.9)} / p99 ${at(0.99)} / max ${
      sorted.at(-1)?.toFixed(1)
    } ms, errors ${r.errors}`,
  );
  console.log(`${"".padEnd(14)} first 10% p99 ${r.coldP99.toFixed(1)} ms, the rest ${r.warmP99.toFixed(1)} ms; ${histogram(r.latencies)}`);
  if (r.cpu) {
    console.log(
      `${
        "".padEnd(14)
      } CPU per booking: platform thread ${r.cpu.node} ms, nats-server ${r.cpu.nats} ms, postgres ${r.cpu.postgres} ms (clients' thread ${r.cpu.clients} ms)`,
    );
  }
}

/** A sale run by the clients' thread: CLIENTS clients booking 1 or 2 seats of its events until all are sold out. */
async function sale(events: string[], via: SaleOrder["via"]): Promise<Run> {
  const cpu = await cpuMeter();
  const done = new Promise<SaleDone>((resolve) => load.once("message", resolve));
  load.postMessage({ events, via } satisfies SaleOrder);
  const r = await done;
  if ("failed" in r) throw new Error(`clients' thread: ${r.failed}`);
  return { ...runOf(r.latencies, r.seconds, r.errors), cpu: await cpu(r.latencies.length, r.cpuSeconds) };
}

/** One account per client, known to bookings as a registered user would be (its name is on the tickets). */
async function registerClients(name: string): Promise<Principal[]> {
  const principals = Array.from({ length: CLIENTS }, (): Principal => ({ sub: randomUUID(), roles: ["participant"] }));
  for (const [i, p] of principals.entries()) {
    const data = { userId: p.sub, email: `${name}${i}@example.org`, displayName: `${name} ${i}`, locale: "en", timeZone: "UTC", roles: ["participant"] };
    const envelope = {
      id: randomUUID(),
      type: identityEvents.userRegistered.subject,
      version: 1,
      source: "identity",
      occurredAt: new Date().toISOString(),
      data,
    };
    await client.js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
  }
  for (;;) {
    const r = await bookingsDb("people").whereIn("user_id", principals.map((p) => p.sub)).count({ n: "*" }).first();
    if (Number(r?.n) === CLIENTS) return principals;
    await new Promise((res) => setTimeout(res, 100));
  }
}
const viaService: SaleOrder["via"] = { service: await registerClients("Client") };
// The warm-up books as other users: the measured clients' tokens are still verified, and their
// names looked up, for the first time in the measured sale, as in a real one.
const warmingUp: SaleOrder["via"] | undefined = WARMUP_SEATS > 0 ? { service: await registerClients("Warm-up") } : undefined;

const email = `flash+${randomUUID()}@example.org`;
const password = "correct horse battery staple";
await fetch(`${running.url}/v1/auth/register`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password, displayName: "Flash" }),
});
const login = (await (await fetch(`${running.url}/v1/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password }),
})).json()) as { accessToken: string };
const viaEdge: SaleOrder["via"] = { edge: running.url, token: login.accessToken };

/** The raw hot row: every booking a transaction on one counter row. */
async function hotRow(): Promise<Run> {
  const pool = new pg.Pool({ connectionString: db.url, max: 50 });
  await pool.query("create table if not exists hot_event (id int primary key, remaining int not null)");
  await pool.query("create table if not exists hot_orders (id uuid primary key, event_id int not null, seats int not null)");
  await pool.query("truncate hot_orders");
  await pool.query("insert into hot_event values (1, $1) on conflict (id) do update set remaining = $1", [SEATS]);
  let left = true;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      while (left) {
        const seats = 1 + ((c + latencies.length) % 2);
        const t = performance.now();
        const conn = await pool.connect();
        try {
          await conn.query("begin");
          const r = await conn.query("update hot_event set remaining = remaining - $1 where id = 1 and remaining >= $1", [seats]);
          if (r.rowCount === 1) await conn.query("insert into hot_orders values ($1, 1, $2)", [randomUUID(), seats]);
          await conn.query("commit");
          if (r.rowCount === 1) latencies.push(performance.now() - t);
          else if (seats === 1) left = false;
        } catch {
          errors++;
          await conn.query("rollback").catch(() => undefined);
        } finally {
          conn.release();
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sold = await pool.query("select coalesce(sum(seats), 0)::int as n from hot_orders");
  await pool.end();
  if (sold.rows[0].n > SEATS) throw new Error(`hot row oversold: ${sold.rows[0].n}`);
  return runOf(latencies, seconds, errors);
}

/** Seats sold beyond capacity (summed over events) and booked orders missing tickets. */
async function audit(events: string[], capacity: number): Promise<{ oversold: number; missingTickets: number; sold: number }> {
  const rows: Array<{ event_id: string; seats: number; tickets: number }> = (
    await bookingsDb.raw(
      `select o.event_id, sum(o.seats)::int as seats, sum((select count(*) from tickets t where t.order_id = o.id))::int as tickets
       from orders o where o.event_id = any(?) and o.status in ('reserved', 'awaiting_payment', 'confirmed') group by o.event_id`,
      [events],
    )
  ).rows;
  return {
    oversold: rows.reduce((s, r) => s + Math.max(0, r.seats - capacity), 0),
    missingTickets: rows.reduce((s, r) => s + (r.seats - r.tickets), 0),
    sold: rows.reduce((s, r) => s + r.seats, 0),
  };
}

const perSec = (r: Run) => r.booked / r.seconds;
/** Runs one phase under the CPU profiler (the platform's thread: services and edge, not the clients). */
async function profile(phase: string): Promise<void> {
  if (warmingUp) await sale(await publishEvents(1, WARMUP_SEATS), warmingUp);
  const events = await publishEvents(phase === "spread" ? SPREAD_EVENTS : 1, phase === "spread" ? 10 : SEATS);
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  const r = await sale(events, phase === "edge" ? viaEdge : viaService);
  const { profile } = await session.post("Profiler.stop");
  const file = `flash-sale-${phase}.cpuprofile`;
  await writeFile(file, JSON.stringify(profile));
  console.log(`${phase}: ${perSec(r).toFixed(0)} bookings/s, p99 ${r.p99.toFixed(1)} ms; profile in ${file}`);
}

const out: Record<string, unknown> = { cpus: cpus().length, load: loadavg()[0].toFixed(1), seats: SEATS, clients: CLIENTS };
if (args.profile) {
  try {
    await profile(args.profile);
  } finally {
    await client.nc.close();
    await running.stop();
    await db.drop();
    await nats.stop();
  }
  process.exit(0);
}
try {
  const hot = await hotRow();
  report("hot row", hot);
  const rounds: Array<Run & { sold: number; oversold: number; missingTickets: number }> = [];
  if (PHASES.has("service")) {
    if (warmingUp) {
      // A service runs warm when a sale opens: compiled code, schemas, pooled connections.
      const [warm] = await publishEvents(1, WARMUP_SEATS);
      report("warm-up", await sale([warm], warmingUp), ` (other users, ${WARMUP_SEATS} seats, not counted)`);
      const a = await audit([warm], WARMUP_SEATS);
      if (a.oversold) throw new Error(`warm-up oversold ${a.oversold} seats`);
    }
    for (let i = 0; i < ROUNDS; i++) {
      const [one] = await publishEvents(1, SEATS);
      // Every round's buyers are new to the service (their tokens verified and names found for the
      // first time in it), so no round is faster for having met them before.
      const r = await sale([one], i === 0 ? viaService : { service: await registerClients(`Round${i + 1}-`) });
      const a = await audit([one], SEATS);
      rounds.push({ ...r, ...a });
      report(ROUNDS > 1 ? `service #${i + 1}` : "service", r, `, ${a.sold} seats sold`);
    }
  }
  // The round of median p99 stands for the service (one round: that round).
  const svc = [...rounds].sort((a, b) => a.p99 - b.p99)[Math.floor((rounds.length - 1) / 2)];
  let edge: Run | undefined, a2: Awaited<ReturnType<typeof audit>> | undefined;
  if (PHASES.has("edge")) {
    const [two] = await publishEvents(1, SEATS);
    edge = await sale([two], viaEdge);
    a2 = await audit([two], SEATS);
    report("edge", edge, `, ${a2.sold} seats sold`);
  }
  let spread: Run | undefined, a3: Awaited<ReturnType<typeof audit>> | undefined;
  if (PHASES.has("spread")) {
    const spreadEvents = await publishEvents(SPREAD_EVENTS, 10);
    spread = await sale(spreadEvents, viaService);
    a3 = await audit(spreadEvents, 10);
    report("spread", spread, ` over ${SPREAD_EVENTS} events, ${a3.sold} seats sold`);
  }
  const hot2 = await hotRow();
  const hotRate = (perSec(hot) + perSec(hot2)) / 2;
  console.log(`hot row        ${perSec(hot).toFixed(0)}/s then ${perSec(hot2).toFixed(0)}/s, p99 ${hot.p99.toFixed(1)} ms`);
  const audits = [...rounds, a2, a3].filter((a) => a !== undefined);
  Object.assign(out, {
    hot_row_per_s: Math.round(hotRate),
    hot_row_p99_ms: Number(hot.p99.toFixed(1)),
    ...(svc && {
      bookings_per_s: Math.round(perSec(svc)),
      vs_hot_row: Number((perSec(svc) / hotRate).toFixed(2)),
      p99_ms: Number(svc.p99.toFixed(1)),
      warm_p99_ms: Number(svc.warmP99.toFixed(1)),
      cpu_ms_per_booking: svc.cpu,
      ...(rounds.length > 1 && { rounds: rounds.map((r) => ({ per_s: Math.round(perSec(r)), p99_ms: Number(r.p99.toFixed(1)) })) }),
    }),
    ...(edge &&
      {
        edge_bookings_per_s: Math.round(perSec(edge)),
        edge_vs_hot_row: Number((perSec(edge) / hotRate).toFixed(2)),
        edge_p99_ms: Number(edge.p99.toFixed(1)),
      }),
    ...(spread &&
      {
        spread_per_s: Math.round(perSec(spread)),
        spread_vs_hot_row: Number((perSec(spread) / hotRate).toFixed(2)),
        spread_p99_ms: Number(spread.p99.toFixed(1)),
      }),
    oversold: audits.reduce((s, a) => s + a.oversold, 0),
    missing_tickets: audits.reduce((s, a) => s + a.missingTickets, 0),
    sold_out_exactly: rounds.every((a) => a.sold === SEATS) && (!a2 || a2.sold === SEATS) && (!a3 || a3.sold === SPREAD_EVENTS * 10),
    errors: [...rounds, edge, spread].reduce((s, r) => s + (r?.errors ?? 0), 0),
  });
} finally {
  load.postMessage("stop");
  await client.nc.close();
  await running.stop();
  await db.drop();
  await nats.stop();
}
console.log(`RESULT ${JSON.stringify(out)}`);
