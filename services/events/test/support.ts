/**
 * Runs the events service on the test run's NATS and Postgres, with a small real responder for
 * svc.identity.orgs.can-act (identity's answer, from a table the test fills) and a publisher of
 * identity's domain events in the envelope format — what identity itself does.
 */
import { randomUUID } from "node:crypto";
import type { Nats } from "../../kit/nats.ts";
import { run, type Running } from "../../kit/run.ts";
import { endpoint, serve, type Served } from "../../kit/serve.ts";
import { call } from "../../kit/call.ts";
import { createLogger } from "../../kit/log.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import type { DataOf, MessageContract, ReplyOf, RequestContract, RequestOf } from "../../../subjects/contract.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";
import { eventsService } from "../index.ts";

export type Harness = {
  running: Running;
  nats: Nats;
  /** Roles of users in organizations, as identity would answer can-act. */
  orgRoles: Map<string, "owner" | "admin" | "member">;
  call<C extends RequestContract>(contract: C, input: RequestOf<C>, principal?: Principal): Promise<ReplyOf<C>>;
  publish<C extends MessageContract>(contract: C, data: DataOf<C>): Promise<void>;
  stop(): Promise<void>;
};

export const user = (roles: Principal["roles"] = ["participant"]): Principal => ({ sub: randomUUID(), roles });

export async function startEvents(env: Record<string, string> = {}): Promise<Harness> {
  const running = await run([eventsService], { ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", LOG_LEVEL: "silent", ...env });
  const nats = await testNats("events-test");
  const orgRoles = new Map<string, "owner" | "admin" | "member">();
  const rank = { member: 1, admin: 2, owner: 3 } as const;
  const stub: Served = await serve(nats.nc, {
    name: "identity-stub",
    version: "0.0.1",
    description: "can-act for the events tests",
    log: createLogger({ name: "stub", level: "silent" }),
  }, [
    endpoint(identity.canActForOrg, async (i) => {
      const role = orgRoles.get(`${i.orgId}:${i.userId}`) ?? null;
      return { allowed: role !== null && rank[role] >= rank[i.minRole ?? "admin"], role };
    }),
  ]);
  return {
    running,
    nats,
    orgRoles,
    call: (contract, input, principal) => call(nats.nc, contract, input, { principal, timeoutMs: 10_000 }),
    async publish(contract, data) {
      const envelope: Envelope = {
        id: randomUUID(),
        type: contract.subject,
        version: contract.version,
        source: "identity",
        occurredAt: new Date().toISOString(),
        data,
      };
      await nats.js.publish(contract.subject, JSON.stringify(envelope), { msgID: envelope.id });
    },
    async stop() {
      await stub.stop();
      await nats.nc.close();
      await running.stop();
    },
  };
}

/** An instant `days` and `hours` from now, on a whole minute (iCalendar carries seconds only). */
export const later = (days: number, hours = 0) => new Date(Math.floor((Date.now() + days * 86_400_000 + hours * 3_600_000) / 60_000) * 60_000).toISOString();
