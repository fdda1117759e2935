/**
 * Fan-out: an organizer with 100,000 (and 1,000,000) followers publishes an event. Measures the
 * time from the evt.event.published fact to the last inbox row, through the real planner and
 * deliver workers (1 and 2 worker processes), against the Postgres ceiling for the same rows in
 * the same run: COPY into a staging table, then INSERT … ON CONFLICT DO NOTHING into a table
 * shaped like the inbox. Then emails/s to an SMTP sink and pushes/s to the FCM stand-in.
 *
 *   npx node bench/fanout.ts           100k and 1M
 *   npx node bench/fanout.ts --quick   100k only (under a minute)
 *
 * The follower projection is seeded with COPY (psql \copy); the fan-out itself is not touched.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import process from "node:process";
import { startNats } from "../test/support/nats-server.ts";
import { createDatabase } from "../test/support/postgres.ts";
import { connectNats, ensureStreams } from "../services/kit/nats.ts";
import { openDb, type Db } from "../services/kit/db.ts";
import { eventEvents } from "../subjects/events.ts";
import { streams } from "../subjects/streams.ts";
import { startSmtpSink } from "../services/notifications/test/support/smtp-sink.ts";
import { startFcmStandIn } from "../services/notifications/test/support/fcm-stand-in.ts";
import { sinkEnvFor } from "../services/notifications/test/support/service-env.ts";
import { publishFact, eventFacts } from "../services/notifications/test/support/facts.ts";
import { spawnTs, type Child } from "../services/kit/test/helpers.ts";

const quick = process.argv.includes("--quick");
const sizes = quick ? [100_000] : [100_000, 1_000_000];
const workerFile = fileURLToPath(new URL("../services/notifications/test/support/worker.ts", import.meta.url));
const SEND_N = 3_000;

const nats = await startNats({ open: true });
const pg = await createDatabase("convene_bench");
const [smtp, fcm] = await Promise.all([startSmtpSink(), startFcmStandIn()]);
const env = {
  ...sinkEnvFor({ natsUrl: nats.url, databaseUrl: pg.url, smtpUrl: smtp.url, fcmUrl: fcm.url }),
  NOTIFY_BATCH_SIZE: "2000",
  NOTIFY_DELIVER_CONCURRENCY: "4",
  NOTIFY_SEND_CONCURRENCY: "64",
  NOTIFY_SMTP_CONNECTIONS: "8",
  NOTIFY_LEASE_MS: "60000",
};
const client = await connectNats({ servers: nats.url, name: "bench-fanout" });
await ensureStreams(client.jsm);
let db: Db | undefined;
const children: Child[] = [];

/** Runs SQL (and inline COPY data) through psql, which speaks COPY FROM STDIN natively. */
function psql(script: AsyncIterable<string> | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn("psql", [pg.url, "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"], { stdio: ["pipe", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += String(d)));
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${err}`))));
    void (async () => {
      if (typeof script === "string") p.stdin.write(script);
      else for await (const chunk of script) if (!p.stdin.write(chunk)) await new Promise((r) => p.stdin.once("drain", r));
      p.stdin.end();
    })();
  });
}

async function* copyRows(header: string, n: number, row: (i: number) => string, footer = ""): AsyncIterable<string> {
  yield `${header}\n`;
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += row(i);
    if (buf.length > 1 << 20) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}\\.\n${footer}`;
}

async function startWorkers(n: number): Promise<Child[]> {
  const ws: Child[] = [];
  // The first boot migrates; the others start after it (concurrent CREATE SCHEMA races).
  for (let i = 0; i < n; i++) {
    const w = spawnTs(workerFile, env);
    children.push(w);
    ws.push(w);
    await w.line(/notifications worker \d+ ready/, 60_000);
  }
  return ws;
}

async function stopWorkers(ws: Child[]): Promise<void> {
  for (const w of ws) w.kill("SIGTERM");
  await Promise.all(ws.map((w) => w.exited));
}

async function workSeq(): Promise<number> {
  return (await client.jsm.streams.info(streams.WORK.name)).state.last_seq;
}

/** Seconds from publishing the fact to the last deliver job acked (each acks after its inbox rows commit). */
async function fanOut(organizer: string, n: number): Promise<{ seconds: number; rows: number }> {
  const startSeq = await workSeq();
  const t0 = performance.now();
  const source = await publishFact(client.js, eventEvents.published, eventFacts(organizer, null));
  let batches = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    if (!batches) batches = Number((await db!("messages").where({ source_id: source }).first("batches"))?.batches ?? 0);
    if (!batches) continue;
    const info = await client.jsm.consumers.info(streams.WORK.name, "notifications-deliver");
    if (info.ack_floor.stream_seq >= startSeq + batches && info.num_ack_pending === 0) break;
    if (performance.now() - t0 > 600_000) throw new Error("fan-out did not finish in 10 minutes");
  }
  const seconds = (performance.now() - t0) / 1000;
  const rows = Number((await db!.raw("select count(*) as n from inbox where source_id = ?", [source])).rows[0].n);
  if (rows !== n) throw new Error(`expected ${n} inbox rows, found ${rows}`);
  return { seconds, rows };
}

/** The same rows the fan-out writes, the fastest way Postgres takes them. */
async function ceiling(followers: string[]): Promise<number> {
  const source = randomUUID();
  const t0 = performance.now();
  await psql(
    copyRows(
      `set search_path to notifications; create temp table staging (user_id uuid, source_id uuid, kind text);\n\\copy staging from stdin`,
      followers.length,
      (i) => `${followers[i]}\t${source}\tevent_published\n`,
      `insert into inbox_ceiling (user_id, source_id, kind) select user_id, source_id, kind from staging on conflict (user_id, source_id) do nothing;\n`,
    ),
  );
  return (performance.now() - t0) / 1000;
}

/** Emails and pushes: SEND_N followers with an address and a device, 2 workers. */
async function sends(): Promise<{ emailsPerS: number; pushesPerS: number }> {
  const organizer = randomUUID();
  const ids = Array.from({ length: SEND_N }, () => randomUUID());
  await psql(copyRows(`set search_path to notifications;\n\\copy follows (target_kind, target_id, follower_id) from stdin`, SEND_N, (i) => `user\t${organizer}\t${ids[i]}\n`));
  await psql(copyRows(`set search_path to notifications;\n\\copy users (user_id, email, display_name, locale, time_zone) from stdin`, SEND_N, (i) => `${ids[i]}\tb-${ids[i]}@example.org\tFollower ${i}\t${i % 2 ? "ru" : "en"}\tEurope/Berlin\n`));
  await psql(copyRows(`set search_path to notifications;\n\\copy devices (token, user_id, platform) from stdin`, SEND_N, (i) => `bench-${ids[i]}\t${ids[i]}\tandroid\n`));
  const ws = await startWorkers(2);
  const [e0, p0] = [smtp.messages.length, fcm.messages.length];
  const t0 = performance.now();
  await publishFact(client.js, eventEvents.published, eventFacts(organizer, null));
  let emailDone = 0;
  let pushDone = 0;
  while (!emailDone || !pushDone) {
    await new Promise((r) => setTimeout(r, 20));
    const t = (performance.now() - t0) / 1000;
    if (!emailDone && smtp.messages.length - e0 >= SEND_N) emailDone = t;
    if (!pushDone && fcm.messages.length - p0 >= SEND_N) pushDone = t;
    if (t > 300) throw new Error("sends did not finish in 5 minutes");
  }
  await stopWorkers(ws);
  return { emailsPerS: SEND_N / emailDone, pushesPerS: SEND_N / pushDone };
}

try {
  // Migrate once, then make the ceiling's table: the inbox's shape, indexes included.
  await stopWorkers(await startWorkers(1));
  db = await openDb({ schema: "notifications", url: pg.url, pool: { min: 0, max: 2 } });
  await db.raw("create table inbox_ceiling (like inbox including all)");

  const rows: Array<{ followers: number; workers: number | "pg ceiling"; seconds: number; rowsPerS: number }> = [];
  for (const n of sizes) {
    const organizer = randomUUID();
    const followers = Array.from({ length: n }, () => randomUUID());
    process.stderr.write(`seeding ${n} followers…\n`);
    await psql(copyRows(`set search_path to notifications;\n\\copy follows (target_kind, target_id, follower_id) from stdin`, n, (i) => `user\t${organizer}\t${followers[i]}\n`));
    await db.raw("analyze follows");
    for (const w of [1, 2]) {
      const ws = await startWorkers(w);
      const r = await fanOut(organizer, n);
      await stopWorkers(ws);
      rows.push({ followers: n, workers: w, seconds: r.seconds, rowsPerS: n / r.seconds });
      process.stderr.write(`  ${n} followers, ${w} worker(s): ${r.seconds.toFixed(2)} s\n`);
    }
    const c = await ceiling(followers);
    rows.push({ followers: n, workers: "pg ceiling", seconds: c, rowsPerS: n / c });
  }
  const s = await sends();

  console.log("\nfan-out to followers: evt.event.published → last inbox row (planner + deliver workers, one Postgres, 2 CPUs shared)\n");
  console.log(`${"followers".padStart(10)} ${"workers".padStart(11)} ${"seconds".padStart(9)} ${"rows/s".padStart(10)} ${"vs ceiling".padStart(11)}`);
  for (const r of rows) {
    const c = rows.find((x) => x.followers === r.followers && x.workers === "pg ceiling")!;
    console.log(`${String(r.followers).padStart(10)} ${String(r.workers).padStart(11)} ${r.seconds.toFixed(2).padStart(9)} ${r.rowsPerS.toFixed(0).padStart(10)} ${(r.rowsPerS / c.rowsPerS).toFixed(2).padStart(11)}`);
  }
  console.log(`\nsends with 2 workers, ${SEND_N} followers with an address and a device: ${s.emailsPerS.toFixed(0)} emails/s to the SMTP sink, ${s.pushesPerS.toFixed(0)} pushes/s to the FCM stand-in`);

  const biggest = sizes[sizes.length - 1];
  const best = rows.filter((r) => r.followers === biggest && r.workers !== "pg ceiling").sort((a, b) => b.rowsPerS - a.rowsPerS)[0];
  const ceil = rows.find((r) => r.followers === biggest && r.workers === "pg ceiling")!;
  const result = {
    followers: biggest,
    best_workers: best.workers,
    rows_per_s: Math.round(best.rowsPerS),
    pg_ceiling_rows_per_s: Math.round(ceil.rowsPerS),
    vs_pg_ceiling: Number((best.rowsPerS / ceil.rowsPerS).toFixed(3)),
    seconds_100k: Number(Math.min(...rows.filter((r) => r.followers === 100_000 && r.workers !== "pg ceiling").map((r) => r.seconds)).toFixed(2)),
    seconds_1m: quick ? null : Number(best.seconds.toFixed(2)),
    pushes_per_s: Math.round(s.pushesPerS),
    emails_per_s: Math.round(s.emailsPerS),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.kill("SIGKILL");
  await db?.destroy();
  await client.nc.close();
  await Promise.all([smtp.stop(), fcm.stop()]);
  await nats.stop();
  await pg.drop();
}
