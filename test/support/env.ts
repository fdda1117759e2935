/**
 * The NATS server and Postgres database of this test run, started once by the root hooks
 * (test/support/hooks.ts) and shared by every spec.
 */
import type { TestNats } from "./nats-server.ts";
import type { TestPostgres } from "./postgres.ts";

export const testEnv: { nats?: TestNats; pg?: TestPostgres } = {};

export function natsUrl(): string {
  if (!testEnv.nats) throw new Error("test NATS is not running (root hooks not loaded?)");
  return testEnv.nats.url;
}

export function databaseUrl(): string {
  if (!testEnv.pg) throw new Error("test Postgres is not ready (root hooks not loaded?)");
  return testEnv.pg.url;
}
