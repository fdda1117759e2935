/**
 * The NATS server and Postgres database of this test run, started once by the root hooks
 * (test/support/hooks.ts) and shared by every spec.
 */
import type { TestNats } from "./nats-server.ts";
import { connectNats, type Nats } from "../../services/kit/nats.ts";
import { loadPrincipalKeys, mintPrincipalsOn } from "../../services/kit/principal-token.ts";
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

/**
 * A connection of a test to the run's NATS, as the test superuser (tests publish, subscribe and
 * stub responders anywhere), minting principals like the edge so tests may call as any user.
 */
export async function testNats(name: string, servers = natsUrl()): Promise<Nats> {
  const nats = await connectNats({ servers, name });
  mintPrincipalsOn(nats.nc, loadPrincipalKeys({}, { mints: true }).signing!);
  return nats;
}
