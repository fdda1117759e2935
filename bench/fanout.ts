/**
 * Fan-out: an organizer with 100,000 (and 1,000,000) followers publishes an event. Measures the
 * time from the evt.event.published fact to the last inbox row, through the real planner and
 * deliver workers (1 and 2 worker processes), against the Postgres ceiling for the same rows in
 * the same run: COPY into a staging table, then INSERT … ON CONFLICT DO NOTHING into a table
 * shaped like the inbox. Then the channels against what their stand-ins take: pushes/s to the FCM
 * stand-in and emails/s to the SMTP sink through the service (2 workers, one channel at a time:
 * both sinks live in this process and would share its CPU), each round beside the raw rate of the
 * same stand-in from one client process (bench/fanout-raw.ts: keep-alive HTTP POSTs, nodemailer's
 * pooled transport), rounds interleaved; then firebase-admin's own transports against the raw POSTs.
 *
 *   npx node bench/fanout.ts           100k and 1M, then the channels
 *   npx node bench/fanout.ts --quick   100k only (under a minute), then the channels
 *   npx node bench/fanout.ts --sends   the channels only
 *   … --cpu-prof <dir>                  the workers write CPU profiles there (node --cpu-prof)
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
import { type Db, openDb } from "../services/kit/db.ts";
import { eventEvents } from "../subjects/events.ts";
import { streams } from "../subjects/streams.ts";
import { startSmtpSink } from "../services/notifications/test/support/smtp-sink.ts";
import { startFcmStandIn } from "../services/notifications/test/support/fcm-stand-in.ts";
import { sinkEnvFor } from "../services/notifications/test/support/service-env.ts";
import { eventFacts, publishFact } from "../services/notifications/test/support/facts.ts";
import { type Child, spawnTs } from "../services/kit/test/helpers.ts";
import { median } from "./harness.ts";

const quick = process.argv.includes("--quick");
const sendsOnly = process.argv.includes("--sends");
const profDir = process.argv.includes("--cpu-prof") ? process.argv[process.argv.indexOf("--cpu-prof") + 1] : undefined;
const sizes = sendsOnly ? [] : quick ? [100_000] : [100_000, 1_000_000];
const workerFile = fileURLToPath(new URL("../services/notifications/test/support/worker.ts", import.meta.url));
const rawFile = fileURLToPath(new URL("./fanout-raw.ts", import.meta.url));
/** Recipients per channel and round, and rounds (each: the service, then the raw client). */
const SEND_N = 4_000;
const SEND_ROUNDS = 3;

/** The service's settings for sends; the raw clients use the same per process. */
const SEND_CONCURRENCY = 64;
const SMTP_CONNECTIONS = 8;

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const nats = await startNats({ open: true });
const pg = await createDatabase("convene_bench");
const [smtp, fcm] = await Promise.all([startSmtpSink(), startFcmStandIn()]);
const env = {
  ...sinkEnvFor({ natsUrl: nats.url, databaseUrl: pg.url, smtpUrl: smtp.url, fcmUrl: fcm.url }),
  NOTIFY_BATCH_SIZE: "2000",
  NOTIFY_DELIVER_CONCURRENCY: "4",
  NOTIFY_SEND_CONCURRENCY: String(SEND_CONCURRENCY),
  NOTIFY_SMTP_CONNECTIONS: String(SMTP_CONNECTIONS),
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
    const w = spawnTs(workerFile, env, profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : []);
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

/** One channel through the service: SEND_N followers with only an address, or only a device. */
/** Rate from the fact to the last message, and seconds from the fact to the first. */
async function serviceSends(channel: "email" | "push", n = SEND_N): Promise<{ rate: number; first: number }> {
  const organizer = randomUUID();
  const ids = Array.from({ length: n }, () => randomUUID());
  await psql(
    copyRows(
      `set search_path to notifications;\n\\copy follows (target_kind, target_id, follower_id) from stdin`,
      n,
      (i) => `user\t${organizer}\t${ids[i]}\n`,
    ),
  );
  const email = (i: number) => (channel === "email" ? `b-${ids[i]}@example.org` : "\\N");
  await psql(
    copyRows(
      `set search_path to notifications;\n\\copy users (user_id, email, display_name, locale, time_zone) from stdin`,
      n,
      (i) => `${ids[i]}\t${email(i)}\tFollower ${i}\t${i % 2 ? "ru" : "en"}\tEurope/Berlin\n`,
    ),
  );
  if (channel === "push") {
    await psql(
      copyRows(
        `set search_path to notifications;\n\\copy devices (token, user_id, platform) from stdin`,
        n,
        (i) => `bench-${ids[i]}\t${ids[i]}\tandroid\n`,
      ),
    );
  }
  const sink = channel === "email" ? smtp.messages : fcm.messages;
  const before = sink.length;
  const t0 = performance.now();
  await publishFact(client.js, eventEvents.published, eventFacts(organizer, null));
  let first = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 10));
    const t = (performance.now() - t0) / 1000;
    if (!first && sink.length > before) first = t;
    if (sink.length - before >= n) return { rate: n / t, first };
    if (t > 300) throw new Error(`${channel} sends did not finish in 5 minutes`);
  }
}

type Raw = { mode: string; messages: number; inFlight: number; connections: number; seconds: number; rate: number };

/** bench/fanout-raw.ts in its own process; resolves with its RAW line. */
function raw(mode: "fcm-http" | "fcm-sdk" | "fcm-sdk-h2" | "smtp", n: number, inFlight: number, connections: number): Promise<Raw> {
  const url = mode === "smtp" ? `smtp://127.0.0.1:${new URL(smtp.url).port}` : mode === "fcm-sdk-h2" ? fcm.h2Url : fcm.url;
  const p = spawn(process.execPath, [rawFile, mode, url, String(n), String(inFlight), String(connections)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  p.stdout.on("data", (d) => (out += String(d)));
  return new Promise((resolve, reject) =>
    p.on("exit", (code) => {
      const m = out.match(/^RAW (.+)$/m);
      if (code === 0 && m) resolve(JSON.parse(m[1]) as Raw);
      else reject(new Error(`fanout-raw ${mode} exited ${code}: ${out}`));
    })
  );
}

type Sends = {
  rounds: Array<{ push: number; pushFirst: number; pushRaw: number; email: number; emailFirst: number; emailRaw: number }>;
  /** Per transport, its rate in each round. */
  transports: Map<string, number[]>;
};

/** firebase-admin's transports beside raw POSTs: [label, mode, in flight (per call for HTTP/2), sockets or sessions]. */
const TRANSPORTS = [
  ["raw POSTs, 64 sockets", "fcm-http", 64, 64],
  ["firebase-admin send, HTTP/1.1, 64 sockets", "fcm-sdk", 64, 64],
  ["raw POSTs, 128 sockets", "fcm-http", 128, 128],
  ["firebase-admin send, HTTP/1.1, 128 sockets", "fcm-sdk", 128, 128],
  ["firebase-admin sendEach, HTTP/2, 64 per call, 1 session", "fcm-sdk-h2", 64, 1],
  ["firebase-admin sendEach, HTTP/2, 64 per call, 4 sessions", "fcm-sdk-h2", 64, 4],
] as const;

/**
 * After a warm-up of each channel (a service runs warm), rounds of: pushes through the service,
 * raw POSTs to the FCM stand-in, emails through the service, raw nodemailer to the SMTP sink (back
 * to back, so one moment's noise hits both sides of a ratio), then firebase-admin's transports.
 */
async function sends(): Promise<Sends> {
  const ws = await startWorkers(2);
  await serviceSends("push", 500);
  await serviceSends("email", 500);
  const rounds: Sends["rounds"] = [];
  const transports: Sends["transports"] = new Map(TRANSPORTS.map(([label]) => [label, []]));
  for (let r = 0; r < SEND_ROUNDS; r++) {
    const { rate: push, first: pushFirst } = await serviceSends("push");
    const pushRaw = (await raw("fcm-http", SEND_N, SEND_CONCURRENCY, SEND_CONCURRENCY)).rate;
    const { rate: email, first: emailFirst } = await serviceSends("email");
    const emailRaw = (await raw("smtp", SEND_N, SEND_CONCURRENCY, SMTP_CONNECTIONS)).rate;
    rounds.push({ push, pushFirst, pushRaw, email, emailFirst, emailRaw });
    process.stderr.write(
      `  sends round ${r + 1}: ${push.toFixed(0)} pushes/s (raw ${pushRaw.toFixed(0)}), ${email.toFixed(0)} emails/s (raw ${emailRaw.toFixed(0)})\n`,
    );
    for (const [label, mode, inFlight, conns] of TRANSPORTS) transports.get(label)!.push((await raw(mode, SEND_N, inFlight, conns)).rate);
  }
  await stopWorkers(ws);
  return { rounds, transports };
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
    await psql(
      copyRows(
        `set search_path to notifications;\n\\copy follows (target_kind, target_id, follower_id) from stdin`,
        n,
        (i) => `user\t${organizer}\t${followers[i]}\n`,
      ),
    );
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

  if (rows.length) {
    console.log("\nfan-out to followers: evt.event.published → last inbox row (planner + deliver workers, one Postgres, 2 CPUs shared)\n");
    console.log(`${"followers".padStart(10)} ${"workers".padStart(11)} ${"seconds".padStart(9)} ${"rows/s".padStart(10)} ${"vs ceiling".padStart(11)}`);
    for (const r of rows) {
      const c = rows.find((x) => x.followers === r.followers && x.workers === "pg ceiling")!;
      console.log(
        `${String(r.followers).padStart(10)} ${String(r.workers).padStart(11)} ${r.seconds.toFixed(2).padStart(9)} ${r.rowsPerS.toFixed(0).padStart(10)} ${
          (r.rowsPerS / c.rowsPerS).toFixed(2).padStart(11)
        }`,
      );
    }
  }

  const pushVsRaw = median(s.rounds.map((r) => r.push / r.pushRaw));
  const emailVsRaw = median(s.rounds.map((r) => r.email / r.emailRaw));
  const pushes = median(s.rounds.map((r) => r.push));
  const emails = median(s.rounds.map((r) => r.email));
  console.log(`\nchannels: ${SEND_N} followers per round (only an address, or only a device), 2 workers, evt.event.published → last message at the stand-in;`);
  console.log(
    `raw: one client process, ${SEND_CONCURRENCY} in flight (FCM: ${SEND_CONCURRENCY} keep-alive sockets; SMTP: nodemailer pool of ${SMTP_CONNECTIONS})\n`,
  );
  const cells = (xs: Array<string | number>) => xs.map((x, i) => String(x).padStart([5, 9, 6, 7, 6, 9, 6, 7, 6][i])).join(" ");
  console.log(cells(["round", "pushes/s", "1st s", "raw", "ratio", "emails/s", "1st s", "raw", "ratio"]));
  for (const [i, r] of s.rounds.entries()) {
    const push = [r.push.toFixed(0), r.pushFirst.toFixed(2), r.pushRaw.toFixed(0), (r.push / r.pushRaw).toFixed(2)];
    const email = [r.email.toFixed(0), r.emailFirst.toFixed(2), r.emailRaw.toFixed(0), (r.email / r.emailRaw).toFixed(2)];
    console.log(cells([i + 1, ...push, ...email]));
  }
  console.log("(1st s: seconds from the fact to the first message at the stand-in: planner, recipients, inbox and delivery rows, first claim)");
  console.log(`median ratio: pushes ${pushVsRaw.toFixed(3)}, emails ${emailVsRaw.toFixed(3)} of raw\n`);
  console.log(`FCM transports, ${SEND_N} messages from one process, median of ${SEND_ROUNDS} rounds (each round after the channels'):`);
  for (const [label, rates] of s.transports) {
    console.log(`  ${label.padEnd(58)} ${median(rates).toFixed(0).padStart(7)} /s  (${rates.map((x) => x.toFixed(0)).join(", ")})`);
  }

  const biggest = sizes[sizes.length - 1];
  const best = rows.filter((r) => r.followers === biggest && r.workers !== "pg ceiling").sort((a, b) => b.rowsPerS - a.rowsPerS)[0];
  const ceil = rows.find((r) => r.followers === biggest && r.workers === "pg ceiling");
  /** The median over rounds of a transport's rate over raw POSTs' in the same round. */
  const vsRaw = (label: string, rawLabel: string) => Number(median(s.transports.get(label)!.map((x, i) => x / s.transports.get(rawLabel)![i])).toFixed(3));
  const result = {
    followers: biggest ?? null,
    best_workers: best?.workers ?? null,
    rows_per_s: best ? Math.round(best.rowsPerS) : null,
    pg_ceiling_rows_per_s: ceil ? Math.round(ceil.rowsPerS) : null,
    vs_pg_ceiling: best && ceil ? Number((best.rowsPerS / ceil.rowsPerS).toFixed(3)) : null,
    seconds_100k: rows.length
      ? Number(Math.min(...rows.filter((r) => r.followers === 100_000 && r.workers !== "pg ceiling").map((r) => r.seconds)).toFixed(2))
      : null,
    seconds_1m: quick || !best ? null : Number(best.seconds.toFixed(2)),
    pushes_per_s: Math.round(pushes),
    emails_per_s: Math.round(emails),
    raw_pushes_per_s: Math.round(median(s.rounds.map((r) => r.pushRaw))),
    raw_emails_per_s: Math.round(median(s.rounds.map((r) => r.emailRaw))),
    push_vs_raw: Number(pushVsRaw.toFixed(3)),
    email_vs_raw: Number(emailVsRaw.toFixed(3)),
    fcm_sdk_http1_vs_raw: vsRaw("firebase-admin send, HTTP/1.1, 64 sockets", "raw POSTs, 64 sockets"),
    fcm_sdk_http1_128_vs_raw: vsRaw("firebase-admin send, HTTP/1.1, 128 sockets", "raw POSTs, 64 sockets"),
    fcm_sdk_http2_vs_raw: vsRaw("firebase-admin sendEach, HTTP/2, 64 per call, 1 session", "raw POSTs, 64 sockets"),
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
