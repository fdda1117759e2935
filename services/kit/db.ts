/**
 * knex for every service. Each service owns one Postgres schema with its own migrations table;
 * no service reads another's. With DATABASE_URL unset, each service gets an embedded PGlite
 * under DATA_DIR instead, so `make up` needs no database server (PGlite has one connection: use
 * real Postgres for anything concurrent).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import knexModule, { type Knex } from "knex";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import ClientPgLite from "knex-pglite";
import pg from "pg";

export type Db = Knex;
export type Migration = { name: string; up: (db: Knex) => Promise<void>; down?: (db: Knex) => Promise<void> };

// bigint counts (count(*), sums) arrive as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

const knexFactory = ((knexModule as unknown as { knex?: typeof knexModule }).knex ?? knexModule) as (config: Knex.Config) => Knex;

export type DbOptions = {
  /** The service's schema; its tables and migrations live there. */
  schema: string;
  /** Postgres URL; when absent, an embedded PGlite under `dataDir/<schema>`. */
  url?: string;
  dataDir?: string;
  pool?: { min: number; max: number };
};

export async function openDb(opts: DbOptions): Promise<Db> {
  assertIdentifier(opts.schema);
  let db: Knex;
  if (opts.url) {
    db = knexFactory({
      client: "pg",
      connection: opts.url,
      searchPath: [opts.schema, "public"],
      pool: opts.pool ?? { min: 0, max: 10 },
      acquireConnectionTimeout: 10_000,
    });
    // Replicas booting together would race `create schema if not exists` (it is not atomic: the
    // loser fails on pg_namespace's unique index), so one creates while the others wait.
    await db.transaction(async (trx) => {
      await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [`convene:schema:${opts.schema}`]);
      await trx.raw(`create schema if not exists "${opts.schema}"`);
    });
  } else {
    const dir = resolve(opts.dataDir ?? "./.data", "pglite", opts.schema);
    mkdirSync(dir, { recursive: true });
    const pglite = await PGlite.create(join(dir), { extensions: { pg_trgm, btree_gist } });
    db = knexFactory({
      client: ClientPgLite as unknown as Knex.Config["client"],
      dialect: "postgres",
      connection: () => ({ pglite }) as object,
      searchPath: [opts.schema, "public"],
    } as Knex.Config);
    await db.raw(`create schema if not exists "${opts.schema}"`);
    await db.raw(`set search_path to "${opts.schema}", public`);
  }
  guardTransactions(db);
  return db;
}

/** The transactions the current async context runs inside, by database (see guardTransactions). */
const openTransactions = new AsyncLocalStorage<ReadonlyArray<{ db: Knex; open: boolean }>>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super(
      "a query on the service's db (not on trx) inside one of its own transactions: use trx. On the embedded database it would wait forever for the one connection the transaction holds",
    );
    this.name = "QueryOutsideTransactionError";
  }
}

/**
 * Makes the embedded database's deadlock impossible by construction, on every backend: inside a
 * `db.transaction(fn)`, a query (or a second transaction) on `db` itself instead of `trx` fails at
 * once with QueryOutsideTransactionError. On PGlite (one connection) that query would wait for
 * the connection its own transaction holds, forever; on Postgres (a pool) it would run outside
 * the transaction, unseen by tests. Work started inside a transaction that runs on after it
 * settled is not refused.
 */
function guardTransactions(db: Knex): void {
  type Begin = (container: unknown, config?: unknown) => unknown;
  const ctx = (db as unknown as { context: { transaction: Begin } }).context;
  const begin = ctx.transaction;
  ctx.transaction = function (this: unknown, container: unknown, config?: unknown) {
    if (typeof container !== "function") return begin.call(this, container, config);
    const fn = container as (trx: Knex.Transaction) => unknown;
    return begin.call(
      this,
      (trx: Knex.Transaction) => {
        const mark = { db, open: true };
        return openTransactions.run([...(openTransactions.getStore() ?? []), mark], async () => {
          try {
            return await fn(trx);
          } finally {
            mark.open = false;
          }
        });
      },
      config,
    );
  };
  const client = db.client as { acquireConnection: (...args: unknown[]) => Promise<unknown> };
  const acquire = client.acquireConnection;
  client.acquireConnection = function (this: unknown, ...args: unknown[]) {
    if (openTransactions.getStore()?.some((m) => m.open && m.db === db)) return Promise.reject(new QueryOutsideTransactionError());
    return acquire.apply(this, args);
  };
}

/**
 * Runs `fn` once the transaction `trx` belongs to has committed (not when a savepoint is
 * released); never when it rolls back, nor when a savepoint between `trx` and the transaction was
 * rolled back (what was written in it is gone, however the transaction ends).
 */
export function afterCommit(trx: Knex.Transaction, fn: () => void): void {
  const levels: Array<Promise<unknown>> = [];
  for (let t: (Knex.Transaction & { parentTransaction?: Knex.Transaction }) | undefined = trx; t; t = t.parentTransaction) levels.push(t.executionPromise);
  Promise.all(levels).then(fn, () => undefined);
}

/**
 * A write to compose with others into one statement (`writeAtOnce`): the statement, the NOTIFY it
 * owes listeners at commit (sent on real Postgres only), and what to do in this process once it
 * committed (wake local pollers).
 */
export type Write = { statement: Knex.QueryBuilder; notify?: { channel: string; payload: string }; committed?: () => void };

/**
 * Several writes as one statement — each a data-modifying WITH, then the NOTIFYs they owe — so
 * they commit together, atomically, in one round trip instead of BEGIN, one per write and COMMIT.
 * For writes that do not depend on each other's results (the WITHs see the same snapshot, and
 * none may touch a row another one touches). A failure (a unique violation) leaves nothing.
 */
export async function writeAtOnce(db: Knex, writes: Write[]): Promise<void> {
  const notifies = isPostgres(db) ? writes.flatMap((w) => (w.notify ? [w.notify] : [])) : [];
  await db.raw(
    `with ${writes.map((_, i) => `w${i} as (?)`).join(", ")} select ${notifies.length ? notifies.map(() => "pg_notify(?, ?)").join(", ") : "1"}`,
    [...writes.map((w) => w.statement), ...notifies.flatMap((n) => [n.channel, n.payload])],
  );
  for (const w of writes) w.committed?.();
}

/** The schema a transaction works in (the first entry of its search path). */
export function schemaOfTrx(trx: Knex.Transaction | Knex): string {
  const searchPath = trx.client.config.searchPath as string[] | string | undefined;
  return Array.isArray(searchPath) ? searchPath[0] : String(searchPath ?? "public").split(",")[0];
}

/** Whether `db` is a real Postgres (many connections, LISTEN/NOTIFY across processes). */
export function isPostgres(db: Db): boolean {
  return db.client.config.client === "pg";
}

export async function migrate(db: Db, schema: string, migrations: Migration[]): Promise<void> {
  // knex's own migration lock fails fast ("Migration table is already locked") instead of waiting,
  // and creating its lock table races too: replicas of one service starting together queue on an
  // advisory lock instead, and the later ones find the work done. PGlite is one process: no lock.
  if (!isPostgres(db)) return latest(db, schema, migrations);
  await db.transaction(async (trx) => {
    await trx.raw("select pg_advisory_xact_lock(hashtext(?))", [`convene:migrate:${schema}`]);
    // On purpose on another connection, while this transaction holds the lock (Postgres only).
    // An empty store rather than exit(): Deno's AsyncLocalStorage.exit does not clear it.
    await openTransactions.run([], () => latest(db, schema, migrations));
  });
}

async function latest(db: Db, schema: string, migrations: Migration[]): Promise<void> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  await db.migrate.latest({
    schemaName: schema,
    tableName: "migrations",
    // Postgres transactional DDL: each migration applies whole or not at all.
    disableTransactions: false,
    migrationSource: {
      getMigrations: async () => migrations.map((m) => m.name),
      getMigrationName: (name: string) => name,
      getMigration: async (name: string) => {
        const m = byName.get(name)!;
        return { up: (k: Knex) => withSchema(k, schema, m.up), down: (k: Knex) => withSchema(k, schema, m.down ?? (async () => undefined)) };
      },
    },
  });
}

async function withSchema(k: Knex, schema: string, fn: (k: Knex) => Promise<void>): Promise<void> {
  // Inside the migration transaction: unqualified names resolve to the service's schema.
  await k.raw(`set local search_path to "${schema}", public`);
  await fn(k);
}

/**
 * A string as a SQL literal, by libpq's PQescapeLiteral rules (quotes doubled; with a backslash,
 * an E'' literal with backslashes doubled), for statements sent together in one simple query,
 * which carries no bind parameters (a batch that takes a lock, reads and writes in two round trips).
 */
export function sqlLiteral(text: string): string {
  if (!text.includes("\\")) return text.includes("'") ? `'${text.replaceAll("'", "''")}'` : `'${text}'`;
  return ` E'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/**
 * A statement prepared once per connection and run as `EXECUTE name(…)` among the statements of
 * a simple query, which carry no bind parameters: Postgres parses and plans it once per session
 * (a generic plan after five runs) instead of once per text. For the small fixed statements a
 * hot path sends per batch, where planning cost more than running (bookings, session 12).
 */
export type Prepared = { name: string; prepare: string; execute(...args: string[]): string };

/** `sql` with `$1…` of `types`, prepared as `name` (identifiers only); `execute` takes SQL literal texts. */
export function prepared(name: string, types: string[], sql: string): Prepared {
  assertIdentifier(name);
  for (const t of types) assertIdentifier(t);
  return { name, prepare: `prepare ${name}(${types.join(", ")}) as ${sql}`, execute: (...args) => `execute ${name}(${args.join(", ")})` };
}

/**
 * The statements each pooled connection has prepared (a prepared statement lives as long as its
 * session, whatever its transaction does); `unknown` once a send failed, as its PREPAREs may or may
 * not have run.
 */
const preparedOn = new WeakMap<object, { have: Set<string>; unknown: boolean }>();

/** A connection of a service's pool, held for statements sent together (see holdConnection). */
export type HeldConnection = {
  /** Sends `sql` (one or more statements, values inlined with sqlLiteral) in one round trip; the rows of each statement. */
  send(sql: string): Promise<Array<Array<Record<string, unknown>>>>;
  /**
   * The PREPAREs of those of `statements` this connection lacks, to head the next send (which
   * uses them): nothing once it has them. Prepared as that send runs, so a statement's lock on its
   * tables is asked for where the send's own would be.
   */
  prepared(statements: Prepared[]): string;
  /** Gives the connection back to the pool (roll back first if a transaction may be open on it). */
  release(): void;
};

/**
 * Takes a connection from `db`'s pool for a caller that drives its transaction itself, several
 * statements per round trip (the simple query protocol: pg's query without values, PGlite's exec).
 * knex sends one statement per round trip, BEGIN and COMMIT included; a transaction whose lock
 * is the bottleneck pays each of them while holding it.
 */
export async function holdConnection(db: Db): Promise<HeldConnection> {
  const client = db.client as { acquireConnection(): Promise<unknown>; releaseConnection(c: unknown): Promise<void> };
  const conn = await client.acquireConnection();
  const run = isPostgres(db)
    ? async (sql: string) => {
      const r = (await (conn as pg.Client).query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(r) ? r : [r]).map((x) => x.rows as Array<Record<string, unknown>>);
    }
    : async (sql: string) => (await (conn as PGlite).exec(sql)).map((x) => x.rows as Array<Record<string, unknown>>);
  const state = preparedOn.get(conn as object) ?? { have: new Set<string>(), unknown: false };
  preparedOn.set(conn as object, state);
  // What prepared() put at the head of the next send: counted as the connection's only once that
  // send succeeded (a send never made, or failed, leaves it unprepared or unknown).
  let staged: string[] = [];
  let reset = false;
  const send = async (sql: string) => {
    const names = staged;
    const resetting = reset;
    staged = [];
    reset = false;
    try {
      const results = (await run(sql)).slice(names.length + (resetting ? 1 : 0));
      if (resetting) {
        state.have.clear();
        state.unknown = false;
      }
      for (const name of names) state.have.add(name);
      return results;
    } catch (err) {
      state.unknown = true;
      throw err;
    }
  };
  const prepared = (statements: Prepared[]) => {
    let sql = "";
    if (state.unknown && !reset) {
      sql = "deallocate all;\n";
      reset = true;
    }
    for (const p of statements) {
      if ((!reset && state.have.has(p.name)) || staged.includes(p.name)) continue;
      staged.push(p.name);
      sql += `${p.prepare};\n`;
    }
    return sql;
  };
  return { send, prepared, release: () => void client.releaseConnection(conn) };
}

/** Sends statements in one round trip on a held connection; the rows of each, in order. */
export type SendStatements = (statements: string[]) => Promise<Array<Array<Record<string, unknown>>>>;

/**
 * A transaction that `fn` drives on a held connection (holdConnection), several statements per
 * round trip: BEGIN goes with the first statements it sends, and the statements it ends with
 * (`end`) go with COMMIT — or ROLLBACK when it says `rollback` — in the last round trip. A failure
 * rolls back; the connection is released either way.
 */
export async function inHeldTransaction<T>(
  db: Db,
  fn: (send: SendStatements) => Promise<{ result: T; end?: string[]; rollback?: boolean }>,
): Promise<T> {
  const conn = await holdConnection(db);
  let begun = false;
  const begin = () => (begun ? [] : ((begun = true), ["begin"]));
  try {
    const { result, end = [], rollback = false } = await fn(async (statements) => {
      const first = begin();
      return (await conn.send([...first, ...statements].join(";\n"))).slice(first.length);
    });
    if (begun || end.length) await conn.send([...begin(), ...end, rollback ? "rollback" : "commit"].join(";\n"));
    return result;
  } catch (err) {
    if (begun) await conn.send("rollback").catch(() => undefined);
    throw err;
  } finally {
    conn.release();
  }
}

export function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
}

/**
 * Runs `fn` again when Postgres aborted it for a deadlock (40P01) or a serialization failure (40001),
 * up to `attempts` times: a batch that lost such a race did nothing and is safe to run again whole.
 */
export async function retryConflicts<T>(fn: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1;; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= attempts || (code !== "40P01" && code !== "40001")) throw err;
    }
  }
}
