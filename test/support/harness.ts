/**
 * The service harness every integration test uses: starts a set of services in this process on
 * the run's NATS and Postgres (as `make up` would, without listening on a port), calls their
 * subjects as a principal, and watches the domain events they publish.
 */
import type { Subscription } from "@nats-io/nats-core";
import { run, type Running } from "../../services/kit/run.ts";
import { call } from "../../services/kit/call.ts";
import type { Db } from "../../services/kit/db.ts";
import type { ServiceDefinition } from "../../services/kit/service.ts";
import type { Envelope } from "../../subjects/envelope.ts";
import type { ReplyOf, RequestContract, RequestOf } from "../../subjects/contract.ts";
import type { Principal } from "../../subjects/principal.ts";
import { databaseUrl, natsEnv, testNats } from "./env.ts";

export type ServiceHarness = {
  running: Running;
  /** The database of a service started here. */
  db(service: string): Db;
  call<C extends RequestContract>(contract: C, input: RequestOf<C>, principal?: Principal): Promise<ReplyOf<C>>;
  /** Every domain event seen on evt.> since the start, in arrival order. */
  events: Envelope[];
  /** Resolves with the first event of `type` (seen so far or later) that matches. */
  event<D = Record<string, unknown>>(type: string, match?: (data: D) => boolean, timeoutMs?: number): Promise<Envelope<D>>;
  stop(): Promise<void>;
};

export async function startServices(defs: ServiceDefinition[], env: Record<string, string> = {}): Promise<ServiceHarness> {
  const runEnv = { ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", LOG_LEVEL: "silent", ...env };
  const started = await run(defs, runEnv, { listen: false });
  // Each service runs as its own NATS user; the test's connection is the test superuser's, and
  // mints principals as the edge would, so tests call subjects as any user.
  const client = await testNats("harness");
  const running: Running = { ...started, nats: client };
  const nc = client.nc;
  const events: Envelope[] = [];
  const waiters = new Set<() => void>();
  // The relay publishes through JetStream, which is a core publish too: a plain subscription sees every event.
  const sub: Subscription = nc.subscribe("evt.>", {
    callback: (_err, msg) => {
      events.push(msg.json<Envelope>());
      for (const w of waiters) w();
    },
  });
  return {
    running,
    db(service) {
      const db = running.dbs.get(service);
      if (!db) throw new Error(`${service} has no database here (started: ${[...running.dbs.keys()].join(", ")})`);
      return db;
    },
    call: (contract, input, principal) => call(nc, contract, input, { principal, timeoutMs: 10_000 }),
    events,
    async event<D>(type: string, match: (data: D) => boolean = () => true, timeoutMs = 5_000) {
      const find = () => events.find((e) => e.type === type && match(e.data as D)) as Envelope<D> | undefined;
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = find();
        if (found) return found;
        const left = until - Date.now();
        if (left <= 0) throw new Error(`no ${type} event matched within ${timeoutMs} ms`);
        // Wake on the next event, or re-check at the deadline.
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, left);
          function done() {
            clearTimeout(t);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    async stop() {
      sub.unsubscribe();
      await client.nc.close();
      await started.stop();
    },
  };
}
