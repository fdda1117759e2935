/**
 * Starts any set of services in one process: one NATS connection, one telemetry SDK, one HTTP
 * front. Shutdown runs in the order that loses nothing: fail readiness, stop taking HTTP and
 * NATS work, finish what is in flight, publish the outbox, drain NATS, close databases.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig, loadKitConfig } from "./config.ts";
import { connectNats, ensureStreams, type Nats, nkeyPublicKey, waitForStreams } from "./nats.ts";
import { holdToDeclaredCalls, inboxPrefixOf, permissionsOf, STREAMS_USER, subjectMatches } from "./bus.ts";
import { ConfigError, type KitEnv } from "./config.ts";
import { type Db, migrate, openDb } from "./db.ts";
import { outboxJsonMigration, outboxMigration, type Relay, startRelay } from "./outbox.ts";
import { processedMigration, retireReplaced, type RunningConsumer, startConsumer } from "./consume.ts";
import { startTimers, type TimerPoller, timersMigration } from "./timers.ts";
import { retentionMigration, startRetention } from "./retention.ts";
import { serve, type Served } from "./serve.ts";
import { loadPrincipalKeys, mintPrincipalsOn, principalVerifier } from "./principal-token.ts";
import { createOpsApp, type ReadinessCheck } from "./http.ts";
import { createLogger, type Logger } from "./log.ts";
import { refuseDevelopmentSecrets } from "./dev-secrets.ts";
import { schemaOf, type ServiceDefinition, type Started } from "./service.ts";

export type Running = {
  /** The first service's connection (tests use their own, test/support/env.ts testNats). */
  nats: Nats;
  /** Each service's own connection, as its own NATS user. */
  connections: Map<string, Nats>;
  server: Server;
  /** Where the public HTTP front listens (resolved when HTTP_PORT is 0). */
  url: string;
  /** Where the ops endpoints listen (/healthz /readyz /metrics; OPS_PORT). */
  opsUrl: string;
  dbs: Map<string, Db>;
  stop(): Promise<void>;
};

type Instance = {
  def: ServiceDefinition;
  db?: Db;
  relay?: Relay;
  retention?: { stop(): Promise<void> };
  started: Started;
  served?: Served;
  consumers: RunningConsumer[];
  timers?: TimerPoller;
};

/** The kit's own tables, in every service schema before the service's migrations. */
const kitMigrations = [outboxMigration, processedMigration, timersMigration, retentionMigration, outboxJsonMigration];

/** Resolves the SERVICES variable against the known services; unknown names fail at boot. */
export function pick(all: ServiceDefinition[], services: string): ServiceDefinition[] {
  if (services.trim() === "all") return all;
  const byName = new Map(all.map((d) => [d.name, d]));
  const names = services.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length) throw new Error(`SERVICES: unknown service(s) ${unknown.join(", ")}; known: ${[...byName.keys()].join(", ")}`);
  return names.map((n) => byName.get(n)!);
}

/** The NATS TLS files of this process (kit/nats.ts connectNats). */
const tlsOf = (kit: KitEnv) => ({ caFile: kit.NATS_TLS_CA_FILE, certFile: kit.NATS_TLS_CERT_FILE, keyFile: kit.NATS_TLS_KEY_FILE });

const streamAges = (kit: KitEnv) => ({
  EVENTS: days(kit.EVENTS_MAX_AGE_DAYS),
  WORK: days(kit.WORK_MAX_AGE_DAYS),
  DEAD_LETTERS: days(kit.DEAD_LETTERS_MAX_AGE_DAYS),
});

/**
 * Creates or updates the platform's streams as the streams user (NATS_STREAMS_NKEY_SEED), the
 * only NATS user allowed to (kit/bus.ts streamsPermissions): the migrations job, or a process
 * given the seed (make up, tests).
 */
export async function bootstrapStreams(kit: KitEnv, log?: Logger): Promise<void> {
  const seed = kit.NATS_STREAMS_NKEY_SEED;
  if (!seed) throw new ConfigError("invalid environment: NATS_STREAMS_NKEY_SEED is required to create the platform's streams");
  try {
    nkeyPublicKey(seed);
  } catch {
    throw new ConfigError("invalid environment: NATS_STREAMS_NKEY_SEED is not a user nkey seed (SU…)");
  }
  const admin = await connectNats({
    servers: kit.NATS_URL,
    name: STREAMS_USER,
    seed,
    tls: tlsOf(kit),
    inboxPrefix: inboxPrefixOf(STREAMS_USER),
    ...(log ? { log: log.child({ nats: STREAMS_USER }) } : {}),
  });
  try {
    await ensureStreams(admin.jsm, streamAges(kit));
  } finally {
    await admin.nc.close();
  }
}

/** Runs migrations only (the Helm pre-upgrade Job), then closes. */
export async function migrateOnly(defs: ServiceDefinition[], env: Record<string, string | undefined>): Promise<void> {
  const kit = loadKitConfig(env);
  for (const def of defs) {
    if (!def.migrations) continue;
    const db = await openDb({ schema: schemaOf(def.name), url: kit.DATABASE_URL, dataDir: kit.DATA_DIR });
    try {
      await migrate(db, schemaOf(def.name), [...kitMigrations, ...def.migrations]);
    } finally {
      await db.destroy();
    }
  }
}

export async function run(defs: ServiceDefinition[], env: Record<string, string | undefined>, opts: { log?: Logger; listen?: boolean } = {}): Promise<Running> {
  const kit = loadKitConfig(env);
  // Each service's own variables are checked before anything connects.
  const envs = new Map(defs.map((d) => [d.name, { ...kit, ...loadConfig(d.env, env) }]));
  const mints = defs.some((d) => d.mintsPrincipals);
  const keys = loadPrincipalKeys(env, { mints });
  const log = opts.log ?? createLogger({ name: "convene", level: kit.LOG_LEVEL });
  // Development stand-ins for secrets, of every service at once, before anything connects.
  refuseDevelopmentSecrets(kit, log, defs.flatMap((d) => (d.devSecrets?.(envs.get(d.name) as never) ?? []).map((s) => ({ ...s, service: d.name }))));
  if (keys.ephemeral) {
    log.warn(
      "PRINCIPAL_VERIFY_KEYS is unset: principals are signed with a key pair made at start, so only services in this process trust this edge (make up writes keys into ./.data/secrets.env)",
    );
  }
  const principals = principalVerifier(keys.verifying);
  const production = env.NODE_ENV === "production";
  for (const def of defs) checkSeed(kit, def.name, production);
  if (Boolean(kit.NATS_TLS_CERT_FILE) !== Boolean(kit.NATS_TLS_KEY_FILE)) {
    throw new ConfigError("invalid environment: NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE go together (a client certificate and its key)");
  }
  // One connection per service, as its own NATS user: the server holds each to its declared
  // subjects (kit/bus.ts), whether the services share this process or not.
  const connections = new Map<string, Nats>();
  try {
    for (const def of defs) {
      connections.set(
        def.name,
        await connectNats({
          servers: kit.NATS_URL,
          name: def.name,
          log: log.child({ service: def.name }),
          inboxPrefix: inboxPrefixOf(def.name),
          tls: tlsOf(kit),
          ...seedOf(kit, def.name),
        }),
      );
    }
  } catch (err) {
    for (const c of connections.values()) await c.nc.close().catch(() => undefined);
    throw err;
  }
  const nats = connections.values().next().value!;
  for (const def of defs) if (def.mintsPrincipals && keys.signing) mintPrincipalsOn(connections.get(def.name)!.nc, keys.signing);
  // A service on its own NATS user: an undeclared call fails at once with its name, not as a timeout.
  for (const def of defs) if (seedMap(kit).has(def.name)) holdToDeclaredCalls(connections.get(def.name)!.nc, def.name, permissionsOf(def.name, def.bus));
  // Services may not create or update the platform's streams: the streams user does (here when
  // this process holds its seed), else they must exist already. A server without authentication
  // (a benchmark's) lets the service's own connection ensure them, as before.
  if (kit.NATS_STREAMS_NKEY_SEED) await bootstrapStreams(kit, log);
  else if (!seedOf(kit, defs[0].name).seed) await ensureStreams(nats.jsm, streamAges(kit));
  else {await waitForStreams(nats.jsm, kit.STREAMS_WAIT_SECONDS * 1_000, (missing) =>
      log.warn({ stream: missing }, "waiting for the platform's streams (the migrations job creates them)"));}

  const instances: Instance[] = [];
  const checks: ReadinessCheck[] = [...connections].map(([name, c]) => ({ name: `nats:${name}`, check: async () => void (await c.nc.rtt()) }));
  const dbs = new Map<string, Db>();
  let httpUrl = "";
  for (const def of defs) {
    const slog = log.child({ service: def.name });
    const nats = connections.get(def.name)!;
    const schema = schemaOf(def.name);
    let db: Db | undefined;
    let relay: Relay | undefined;
    let retention: Instance["retention"];
    if (def.migrations) {
      db = await openDb({ schema, url: kit.DATABASE_URL, dataDir: kit.DATA_DIR });
      await migrate(db, schema, [...kitMigrations, ...def.migrations]);
      relay = startRelay({ db, js: nats.js, nc: nats.nc, schema, log: slog, listenUrl: kit.DATABASE_URL });
      retention = startRetention({
        db,
        schema,
        log: slog,
        everyMs: kit.RETENTION_SWEEP_MS,
        limits: { outboxMs: days(kit.RETAIN_OUTBOX_DAYS), processedMs: days(kit.RETAIN_PROCESSED_DAYS) },
      });
      dbs.set(def.name, db);
      const d = db;
      checks.push({ name: `db:${def.name}`, check: async () => void (await d.raw("select 1")) });
    }
    const started = await def.setup({
      name: def.name,
      nats,
      db: db as Db,
      log: slog,
      env: envs.get(def.name) as never,
      tx: (fn) => (db ? db.transaction(fn) : Promise.reject(new Error(`${def.name} has no database (declare migrations)`))),
      flushOutbox: (committed) => (committed?.length ? relay?.publish(committed) : relay?.kick()),
      httpUrl: () => httpUrl,
    });
    checks.push(...(started.checks ?? []));
    // A service running as its own NATS user must stay within its declaration (a test double
    // running as the test superuser may stand in for another service).
    if (seedMap(kit).has(def.name)) checkDeclared(def, started);
    const served = started.endpoints?.length
      ? await serve(nats.nc, { name: def.name, version: def.version, description: def.description, log: slog, principals }, started.endpoints)
      : undefined;
    const consumers: RunningConsumer[] = [];
    for (const spec of started.consumers ?? []) consumers.push(await startConsumer({ ...nats, log: slog }, spec));
    await retireReplaced(nats.jsm, started.consumers ?? [], slog);
    let timers: TimerPoller | undefined;
    if (started.timers?.length) {
      if (!db) throw new Error(`${def.name}: timers need a database (declare migrations)`);
      const r = relay;
      timers = startTimers({
        db,
        schema,
        handlers: started.timers,
        log: slog,
        listenUrl: kit.DATABASE_URL,
        pollMs: kit.TIMERS_POLL_MS,
        afterCommit: () => r?.kick(),
      });
    }
    instances.push({ def, db, relay, retention, started, served, consumers, timers });
    slog.info({ endpoints: started.endpoints?.length ?? 0, consumers: consumers.length, timers: started.timers?.length ?? 0 }, "service started");
  }

  const ops = createOpsApp({ checks, onFailure: (name, err) => log.warn({ check: name, err }, "readiness check failed") });
  const opsHandler = ops.app.callback();
  // Readiness and metrics describe the inside: they get a port of their own that no ingress routes to.
  const opsServer = createServer(opsHandler);
  // Public apps share the front by path prefix (the edge under /v1/ and /docs, the web app the
  // rest); one app alone takes every path. /healthz (which says nothing but "alive") answers here too.
  const fronts = instances.flatMap((i) => (i.started.http ? [{ paths: i.started.httpPaths, handler: i.started.http.callback() }] : []));
  const fallback = fronts.length === 1 ? fronts[0] : (fronts.find((f) => !f.paths) ?? fronts[0]);
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") return opsHandler(req, res);
    if (!fallback) {
      res.writeHead(404, { "Content-Type": "application/problem+json" });
      return res.end(
        JSON.stringify({
          type: "https://convene.dev/problems/not_found",
          title: "Not found",
          status: 404,
          detail: "this process serves no public HTTP",
          code: "not_found",
        }),
      );
    }
    const front = fronts.length > 1
      ? (fronts.find((f) => f.paths?.some((p) => path === p || path.startsWith(p.endsWith("/") ? p : `${p}/`))) ?? fallback)
      : fallback;
    return front.handler(req, res);
  });
  // Requests Node's parser refuses before any app sees them (a URL or headers over the 16 KB
  // limit, malformed bytes) still get a problem+json answer instead of a bare status line.
  server.on("clientError", (err: Error & { code?: string }, socket) => {
    // Anything but a parse error (a reset, a timeout) keeps Node's own handling: close the socket.
    if (!err.code?.startsWith("HPE_") || !socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return socket.destroy();
    const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      type: `https://convene.dev/problems/${tooLarge ? "headers_too_large" : "invalid_request"}`,
      title: tooLarge ? "Request header fields too large" : "Bad request",
      status,
      detail: tooLarge ? "request: the URL and headers are larger than 16 KB" : "request: is not valid HTTP",
      code: tooLarge ? "headers_too_large" : "invalid_request",
      errors: [{ field: "request", message: tooLarge ? "is too large" : "is malformed" }],
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}\r\nContent-Type: application/problem+json\r\nContent-Length: ${
        new TextEncoder().encode(body).length
      }\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  if (opts.listen !== false) {
    await new Promise<void>((resolve) => server.listen(kit.HTTP_PORT, resolve));
    await new Promise<void>((resolve) => opsServer.listen(kit.OPS_PORT ?? 0, resolve));
  }
  const address = server.address() as AddressInfo | null;
  const url = address ? `http://127.0.0.1:${address.port}` : "";
  const opsAddress = opsServer.address() as AddressInfo | null;
  const opsUrl = opsAddress ? `http://127.0.0.1:${opsAddress.port}` : "";
  httpUrl = url;
  if (url) log.info({ url, opsUrl }, "http listening");

  let stopping: Promise<void> | undefined;
  return {
    nats,
    connections,
    server,
    url,
    opsUrl,
    dbs,
    stop: () => (stopping ??= (async () => {
      const deadline = Date.now() + kit.SHUTDOWN_GRACE_MS;
      ops.drain();
      const closed = new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), kit.SHUTDOWN_GRACE_MS);
      await Promise.all(instances.map(async (i) => Promise.all([i.served?.stop(), i.timers?.stop(), ...i.consumers.map((c) => c.stop())])));
      await closed;
      clearTimeout(grace);
      for (const i of instances) await i.started.stop?.();
      for (const i of instances) {
        // With NATS unreachable the outbox cannot empty: wait only for what is left of the
        // grace period. Unpublished rows are safe in the table; the next relay publishes them.
        const left = Math.max(1_000, deadline - Date.now());
        if (i.relay && !(await within(i.relay.idle(), left))) {
          log.warn({ service: i.def.name, waitedMs: left }, "outbox not empty at shutdown; rows stay for the next relay");
        }
        await i.relay?.stop();
        await i.retention?.stop();
      }
      // drain() waits for the server to confirm; a connection that is down never does.
      await Promise.all(
        [...connections.values()].map(async (c) => {
          if (!(await within(c.nc.drain().catch(() => undefined), Math.max(1_000, deadline - Date.now())))) await c.nc.close().catch(() => undefined);
        }),
      );
      for (const i of instances) await i.db?.destroy();
      // Ops answer (readyz: draining) until the end; a scrape in flight is not work to finish.
      if (opsServer.listening) opsServer.close();
      opsServer.closeAllConnections();
      log.info("stopped");
    })()),
  };
}

const days = (n: number) => n * 24 * 60 * 60 * 1000;

/** NATS_NKEY_SEEDS as a map of service to seed; a malformed pair or seed stops the boot, naming the variable. */
function seedMap(kit: KitEnv): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (kit.NATS_NKEY_SEEDS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const colon = pair.indexOf(":");
    if (colon <= 0) throw new ConfigError("invalid environment: NATS_NKEY_SEEDS must be service:seed pairs, comma separated");
    map.set(pair.slice(0, colon), pair.slice(colon + 1).trim());
  }
  return map;
}

/** The nkey seed a service connects with: its own entry, else NATS_NKEY_SEED, else none (a server without authentication). */
function seedOf(kit: KitEnv, service: string): { seed?: string } {
  const seed = seedMap(kit).get(service) ?? kit.NATS_NKEY_SEED?.trim();
  return seed ? { seed } : {};
}

function checkSeed(kit: KitEnv, service: string, production: boolean): void {
  const { seed } = seedOf(kit, service);
  if (!seed) {
    if (production) {
      throw new ConfigError(
        `invalid environment: NATS_NKEY_SEEDS (or NATS_NKEY_SEED) must give ${service} its NATS nkey seed in production (NODE_ENV=production)`,
      );
    }
    return;
  }
  try {
    nkeyPublicKey(seed);
  } catch {
    throw new ConfigError(`invalid environment: the NATS nkey seed of ${service} (NATS_NKEY_SEEDS or NATS_NKEY_SEED) is not a user nkey seed (SU…)`);
  }
}

/** A service answers only its own subjects and consumes only the streams it declared: what its NATS user may do (kit/bus.ts). */
function checkDeclared(def: ServiceDefinition, started: Started): void {
  for (const ep of started.endpoints ?? []) {
    if (!subjectMatches(`svc.${def.name}.>`, ep.contract.subject)) {
      throw new Error(`${def.name}: endpoint ${ep.contract.subject} is outside svc.${def.name}.> (its NATS user may not subscribe there)`);
    }
  }
  for (const c of started.consumers ?? []) {
    if (!def.bus?.consumes?.includes(c.stream)) throw new Error(`${def.name}: consumer ${c.durable} reads ${c.stream}, which bus.consumes does not declare`);
    for (const d of [c.durable, ...(c.replaces ? [c.replaces] : [])]) {
      if (def.bus?.durables && !def.bus.durables.includes(d)) {
        throw new Error(`${def.name}: durable ${d} is not in bus.durables (its NATS user may not use it)`);
      }
    }
  }
}

/** Whether `p` settled within `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([p.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export type { ServiceDefinition };
