/**
 * The NATS server and Postgres database of this test run, started once by the root hooks
 * (test/support/hooks.ts) and shared by every spec.
 */
import process from "node:process";
import type { TestNats } from "./nats-server.ts";
import { type Authenticator, nkeyAuthenticator } from "@nats-io/nats-core";
import { connectNats, type Nats } from "../../services/kit/nats.ts";
import { generatePrincipalKeys, loadPrincipalKeys, mintPrincipalsOn } from "../../services/kit/principal-token.ts";
import type { TestPostgres } from "./postgres.ts";

export const testEnv: { nats?: TestNats; pg?: TestPostgres } = {};

/**
 * The edge's principal keys of this test run, made by the harness: every process a test starts
 * with natsEnv() trusts them (workers in child processes too), and test connections mint with them.
 */
export const testPrincipalKeys = generatePrincipalKeys();
// What a process started without natsEnv() (and serve() without explicit keys) reads.
Object.assign(process.env, testPrincipalKeys);

export function natsUrl(): string {
  if (!testEnv.nats) throw new Error("test NATS is not running (root hooks not loaded?)");
  return testEnv.nats.url;
}

/**
 * The NATS variables of a process under test: every service connects as its own user, with the
 * permissions `make up` and production give it (NATS_NKEY_SEEDS); a service the registry does
 * not know (a kit test's) connects as the test superuser (NATS_NKEY_SEED).
 */
export function natsEnv(server: TestNats | undefined = testEnv.nats): Record<string, string> {
  if (!server) throw new Error("test NATS is not running (root hooks not loaded?)");
  if (!server.superuser) return { NATS_URL: server.url, ...testPrincipalKeys };
  return {
    NATS_URL: server.url,
    NATS_NKEY_SEEDS: server.seeds!,
    NATS_NKEY_SEED: server.superuser.seed,
    NATS_STREAMS_NKEY_SEED: server.streamsSeed!,
    ...testPrincipalKeys,
  };
}

/** Like natsEnv, but every service connects as the superuser (a test edge over its own route table). */
export function superuserNatsEnv(server: TestNats | undefined = testEnv.nats): Record<string, string> {
  const { NATS_NKEY_SEEDS: _own, ...rest } = natsEnv(server);
  return rest;
}

export function databaseUrl(): string {
  if (!testEnv.pg) throw new Error("test Postgres is not ready (root hooks not loaded?)");
  return testEnv.pg.url;
}

/**
 * A connection of a test to the run's NATS, as the test superuser (tests publish, subscribe and
 * stub responders anywhere), minting principals like the edge so tests may call as any user.
 */
export async function testNats(name: string, server: TestNats | string = testEnv.nats ?? natsUrl()): Promise<Nats> {
  const s = typeof server === "string" ? undefined : server;
  const nats = await connectNats({ servers: typeof server === "string" ? server : server.url, name, ...(s?.superuser ? { seed: s.superuser.seed } : {}) });
  mintPrincipalsOn(nats.nc, loadPrincipalKeys(testPrincipalKeys, { mints: true }).signing!);
  return nats;
}

/** Where and as whom a test connects when it builds its own connection (the test superuser). */
export function testNatsOptions(server: TestNats | undefined = testEnv.nats): { servers: string; authenticator?: Authenticator } {
  if (!server) throw new Error("test NATS is not running (root hooks not loaded?)");
  return { servers: server.url, ...(server.superuser ? { authenticator: nkeyAuthenticator(new TextEncoder().encode(server.superuser.seed)) } : {}) };
}
