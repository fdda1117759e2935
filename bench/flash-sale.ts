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
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import inspector from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import pg from "pg";
import { run } from "../services/kit/run.ts";
import { call } from "../services/kit/call.ts";
import { loadPrincipalKeys, mintPrincipalsOn } from "../services/kit/principal-token.ts";
import { connectNats } from "../services/kit/nats.ts";
import { identityService } from "../services/identity/index.ts";
import { edgeService } from "../services/edge/index.ts";
import { bookingsService } from "../services/bookings/index.ts";
import { bookings } from "../subjects/bookings.ts";
import { eventEvents } from "../subjects/events.ts";
import { identityEvents } from "../subjects/identity.ts";
import type { Principal } from "../subjects/principal.ts";
import { startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";

const { values: args } = parseArgs({ options: { seats: { type: "string", default: "10000" }, clients: { type: "string", default: "500" }, events: { type: "string", default: "1000" }, profile: { type: "string" } } });
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
});
const client = await connectNats({ servers: nats.url, name: "flash-sale" });
// Calls as a user, as the edge would: services in this process trust its development key pair.
mintPrincipalsOn(client.nc, loadPrincipalKeys({}, { mints: true }).signing!);
const bookingsDb = running.dbs.get("bookings")!;

async function publishEvents(n: number, capacity: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const eventId = randomUUID();
    ids.push(eventId);
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const data = { eventId, organizerId: randomUUID(), organizationId: null, visibility: "public", status: "published", title: "Flash sale", startsAt, endsAt: startsAt, timeZone: "UTC", venue: null, onlineUrl: null, sequence: 0, capacity };
    const envelope = { id: randomUUID(), type: eventEvents.published.subject, version: 1, source: "events", occurredAt: new Date().toISOString(), data };
    await client.js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
  }
  for (;;) {
    const r = await bookingsDb("quotas").whereIn("event_id", ids).count({ n: "*" }).first();
    if (Number(r?.n) === n) return ids;
    await new Promise((res) => setTimeout(res, 100));
  }
}

type Run = { booked: number; seconds: number; p99: number; errors: number };

/** CLIENTS clients, each booking 1 or 2 seats of a random event of `events` until all are sold out. */
async function sale(events: string[], book: (eventId: string, seats: number) => Promise<"ok" | "sold_out" | "error">): Promise<Run> {
  const open = new Set(events);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      while (open.size > 0) {
        const list = [...open];
        const eventId = list[(c + latencies.length) % list.length];
        const seats = 1 + ((c + latencies.length) % 2);
        const t = performance.now();
        const outcome = await book(eventId, seats);
        if (outcome === "ok") latencies.push(performance.now() - t);
        else if (outcome === "sold_out") {
          // One seat may still be left for a one-seat booking.
          if (seats === 1 || (await book(eventId, 1)) === "sold_out") open.delete(eventId);
        } else if (++errors > 1_000) throw new Error("over 1,000 failed bookings: stopping (see the service's log)");
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { booked: latencies.length, seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, errors };
}

/** One account per client, known to bookings as a registered user would be (its name is on the tickets). */
async function registerClients(): Promise<Principal[]> {
  const principals = Array.from({ length: CLIENTS }, (): Principal => ({ sub: randomUUID(), roles: ["participant"] }));
  for (const [i, p] of principals.entries()) {
    const data = { userId: p.sub, email: `client${i}@example.org`, displayName: `Client ${i}`, locale: "en", timeZone: "UTC", roles: ["participant"] };
    const envelope = { id: randomUUID(), type: identityEvents.userRegistered.subject, version: 1, source: "identity", occurredAt: new Date().toISOString(), data };
    await client.js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
  }
  for (;;) {
    const r = await bookingsDb("people").whereIn("user_id", principals.map((p) => p.sub)).count({ n: "*" }).first();
    if (Number(r?.n) === CLIENTS) return principals;
    await new Promise((res) => setTimeout(res, 100));
  }
}
const principals = await registerClients();
let turn = 0;
const viaService = async (eventId: string, seats: number) => {
  try {
    await call(client.nc, bookings.ordersCreate, { eventId, seats }, { principal: principals[turn++ % CLIENTS], timeoutMs: 30_000 });
    return "ok" as const;
  } catch (err) {
    return (err as { code?: string }).code === "sold_out" ? ("sold_out" as const) : ("error" as const);
  }
};

const email = `flash+${randomUUID()}@example.org`;
const password = "correct horse battery staple";
await fetch(`${running.url}/v1/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, displayName: "Flash" }) });
const login = (await (await fetch(`${running.url}/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) })).json()) as { accessToken: string };
const viaEdge = async (eventId: string, seats: number) => {
  const r = await fetch(`${running.url}/v1/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${login.accessToken}`, "idempotency-key": randomUUID() },
    body: JSON.stringify({ eventId, seats }),
  });
  await r.arrayBuffer();
  return r.status === 201 ? ("ok" as const) : r.status === 409 ? ("sold_out" as const) : ("error" as const);
};

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
  latencies.sort((a, b) => a - b);
  return { booked: latencies.length, seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN, errors };
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
/** Runs one phase under the CPU profiler (the whole process: bench clients, services, edge). */
async function profile(phase: string): Promise<void> {
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
  const [one] = await publishEvents(1, SEATS);
  const svc = await sale([one], viaService);
  const a1 = await audit([one], SEATS);
  const [two] = await publishEvents(1, SEATS);
  const edge = await sale([two], viaEdge);
  const a2 = await audit([two], SEATS);
  const spreadEvents = await publishEvents(SPREAD_EVENTS, 10);
  const spread = await sale(spreadEvents, viaService);
  const a3 = await audit(spreadEvents, 10);
  const hot2 = await hotRow();
  const hotRate = (perSec(hot) + perSec(hot2)) / 2;
  console.log(`hot row        ${perSec(hot).toFixed(0)}/s then ${perSec(hot2).toFixed(0)}/s, p99 ${hot.p99.toFixed(1)} ms`);
  console.log(`service        ${perSec(svc).toFixed(0)} bookings/s, p99 ${svc.p99.toFixed(1)} ms, ${a1.sold} seats sold, errors ${svc.errors}`);
  console.log(`edge           ${perSec(edge).toFixed(0)} bookings/s, p99 ${edge.p99.toFixed(1)} ms, ${a2.sold} seats sold, errors ${edge.errors}`);
  console.log(`spread         ${perSec(spread).toFixed(0)} bookings/s over ${SPREAD_EVENTS} events, p99 ${spread.p99.toFixed(1)} ms, ${a3.sold} seats sold, errors ${spread.errors}`);
  Object.assign(out, {
    bookings_per_s: Math.round(perSec(svc)),
    edge_bookings_per_s: Math.round(perSec(edge)),
    hot_row_per_s: Math.round(hotRate),
    vs_hot_row: Number((perSec(svc) / hotRate).toFixed(2)),
    edge_vs_hot_row: Number((perSec(edge) / hotRate).toFixed(2)),
    p99_ms: Number(svc.p99.toFixed(1)),
    edge_p99_ms: Number(edge.p99.toFixed(1)),
    hot_row_p99_ms: Number(hot.p99.toFixed(1)),
    spread_per_s: Math.round(perSec(spread)),
    spread_vs_hot_row: Number((perSec(spread) / hotRate).toFixed(2)),
    spread_p99_ms: Number(spread.p99.toFixed(1)),
    oversold: a1.oversold + a2.oversold + a3.oversold,
    missing_tickets: a1.missingTickets + a2.missingTickets + a3.missingTickets,
    sold_out_exactly: a1.sold === SEATS && a2.sold === SEATS && a3.sold === SPREAD_EVENTS * 10,
    errors: svc.errors + edge.errors + spread.errors,
  });
} finally {
  await client.nc.close();
  await running.stop();
  await db.drop();
  await nats.stop();
}
console.log(`RESULT ${JSON.stringify(out)}`);
