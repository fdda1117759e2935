/**
 * What a service is, as data: its name, environment, schema, migrations, and a `setup` that
 * returns its endpoints, consumers and (for the edge) an HTTP app. The runner does the rest, the
 * same way whether one process runs every service or each runs in its own pod.
 */
import type Koa from "koa";
import { type Static, type TObject, Type } from "@sinclair/typebox";
import type { Nats } from "./nats.ts";
import type { Knex } from "knex";
import type { Db, Migration } from "./db.ts";
import type { Logger } from "./log.ts";
import type { Endpoint } from "./serve.ts";
import type { ConsumerSpec } from "./consume.ts";
import type { KitEnv } from "./config.ts";
import type { ReadinessCheck } from "./http.ts";
import type { TimerHandler } from "./timers.ts";
import type { OutboxRow } from "./outbox.ts";
import type { BusAccess } from "./bus.ts";
import type { DevSecret } from "./dev-secrets.ts";

export type Runtime<E> = {
  name: string;
  nats: Nats;
  /** The service's own database (schema), when it declared migrations. */
  db: Db;
  log: Logger;
  env: KitEnv & E;
  /**
   * Runs `fn` in one transaction of the service's database: its state, outbox events and timers
   * commit together, and the events are published right after the commit (no flush to call).
   * Inside, use `trx` only: a query on `db` fails at once (kit/db.ts guardTransactions) instead
   * of deadlocking the embedded database's single connection.
   */
  tx<T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  /**
   * For a transaction that wrote outbox rows by itself (kit/outbox.ts outboxRows, outboxInsertSql):
   * once it committed, hand the rows it wrote — all of them — to this process's relay, which
   * publishes them at once (no claim, a batched mark); without rows, wake the relay for a pass.
   * Not needed after enqueue, outboxWrite or outboxSql: their commit does it.
   */
  flushOutbox(committed?: OutboxRow[]): void;
  /** Where this process's HTTP front listens, once it does ("" before, or when it does not listen). */
  httpUrl(): string;
};

export type Started = {
  endpoints?: Endpoint[];
  consumers?: ConsumerSpec[];
  /** Handlers of this service's durable timers (kit/timers.ts), by kind; needs a database. */
  timers?: TimerHandler[];
  /** A public HTTP app (the edge's API, the web app's pages). */
  http?: Koa;
  /**
   * Path prefixes the app answers when several apps share the process's HTTP front (the edge:
   * `/v1/`, `/docs`). An app without prefixes takes every other path; a lone app takes all.
   */
  httpPaths?: string[];
  checks?: ReadinessCheck[];
  /** Runs after endpoints and consumers have stopped, before the database closes. */
  stop?(): Promise<void>;
};

export type ServiceDefinition<E extends TObject = TObject> = {
  name: string;
  version: string;
  description: string;
  env: E;
  /**
   * The service mints the signed principals other services trust (the edge alone: it verifies
   * access tokens). Its process needs PRINCIPAL_SIGNING_KEY (kit/principal-token.ts).
   */
  mintsPrincipals?: boolean;
  /**
   * What the service does on NATS beyond answering its own svc.<name>.* subjects: what it calls,
   * publishes, listens to, consumes and stores. The server permissions of its NATS user are made
   * from this (kit/bus.ts, deploy/nats-conf.ts); what is not declared is refused by the server.
   */
  bus?: BusAccess;
  /** Tables of this service; none means the service has no database. */
  migrations?: Migration[];
  /**
   * Secrets this service would run with that are development stand-ins (a known default, a missing
   * key). Checked at boot for every service before anything connects: production refuses them all
   * at once, elsewhere they are logged (kit/dev-secrets.ts).
   */
  devSecrets?(env: KitEnv & Static<E>): DevSecret[];
  setup(rt: Runtime<Static<E>>): Promise<Started>;
};

export function defineService<E extends TObject>(def: ServiceDefinition<E>): ServiceDefinition<E> {
  return def;
}

export const NoEnv = Type.Object({});

/** The Postgres schema of a service: its name with dashes as underscores. */
export function schemaOf(name: string): string {
  return name.replaceAll("-", "_");
}
