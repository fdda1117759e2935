/** Shared by identity's integration specs: start the service, sign users up, watch its events. */
import { randomUUID } from "node:crypto";
import type { Subscription } from "@nats-io/nats-core";
import { run, type Running } from "../../kit/run.ts";
import { call } from "../../kit/call.ts";
import type { AppError } from "../../kit/errors.ts";
import type { Db } from "../../kit/db.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import { identity } from "../../../subjects/identity.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { identityService } from "../index.ts";
import { DEV_LINK_SEALING_KEYS, type LinkPurpose, linkSeal } from "../../kit/link-seal.ts";
import { databaseUrl, natsEnv, testNats } from "../../../test/support/env.ts";

export const password = "correct horse battery staple";
export const newEmail = (who = "ada") => `${who}+${randomUUID()}@example.org`;

/** The rejection of `p` (fails the test when it resolves). */
export async function fail(p: Promise<unknown>): Promise<AppError> {
  const outcome = await p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
  if (!outcome) throw new Error("expected the call to fail, it succeeded");
  return outcome;
}

/** What each event that asks for a link email seals, and for which address. */
const SEALED: Record<string, { purpose: LinkPurpose; field: string; address: string }> = {
  "evt.user.registered": { purpose: "verify_email", field: "sealedVerificationToken", address: "email" },
  "evt.user.verification_requested": { purpose: "verify_email", field: "sealedToken", address: "email" },
  "evt.user.password_reset_requested": { purpose: "password_reset", field: "sealedToken", address: "email" },
  "evt.user.email_change_requested": { purpose: "email_change", field: "sealedToken", address: "newEmail" },
  "evt.org.invitation_created": { purpose: "org_invitation", field: "sealedToken", address: "email" },
};

/**
 * The single-use token an event carries sealed for the mail sender, opened as notifications
 * does (identity's tests run with the development LINK_SEALING_KEYS): what the emailed link holds.
 */
export function tokenOf(e: Envelope<unknown>): string {
  const how = SEALED[e.type];
  const data = e.data as Record<string, string>;
  if (!how || !data[how.field]) throw new Error(`${e.type} carries no sealed token`);
  const opened = linkSeal(DEV_LINK_SEALING_KEYS).open(how.purpose, data[how.address], data[how.field], new Date());
  if (!opened.ok) throw new Error(`the sealed token of ${e.type} does not open: ${opened.reason}`);
  return opened.token;
}

export type Harness = {
  svc: Running;
  db: Db;
  events: Envelope[];
  /** Resolves with the first event (seen so far or later) that matches. */
  event<D = Record<string, unknown>>(type: string, match?: (data: D) => boolean, timeoutMs?: number): Promise<Envelope<D>>;
  signUp(
    opts?: { email?: string; displayName?: string },
  ): Promise<{ id: string; email: string; principal: Principal; accessToken: string; refreshToken: string }>;
  /**
   * Registers an admin. BOOTSTRAP_ADMIN_EMAIL makes only the first admin of a database, and the
   * test files share one: the role is given as an existing admin would (set-roles), in the table.
   */
  registerAdmin(email: string): Promise<string>;
  stop(): Promise<void>;
};

export async function startIdentity(extraEnv: Record<string, string> = {}): Promise<Harness> {
  const running = await run([identityService], {
    ...natsEnv(),
    DATABASE_URL: databaseUrl(),
    HTTP_PORT: "0",
    LOG_LEVEL: "silent",
    SERVICES: "identity",
    ...extraEnv,
  }, { listen: false });
  // The test's own connection (superuser, minting principals as the edge would) stands in for
  // the service's own, which may only do what identity may.
  const client = await testNats("identity-test");
  const svc: Running = { ...running, nats: client };
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
  const harness: Harness = {
    svc,
    db: svc.dbs.get("identity")!,
    events,
    async event<D>(type: string, match: (data: D) => boolean = () => true, timeoutMs = 5_000) {
      const find = () => events.find((e) => e.type === type && match(e.data as D)) as Envelope<D> | undefined;
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = find();
        if (found) return found;
        if (Date.now() > until) throw new Error(`no ${type} event matched within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, 100);
          function done() {
            clearTimeout(t);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    async signUp(opts = {}) {
      const email = opts.email ?? newEmail();
      const account = await call(nc, identity.accountsRegister, { email, password, displayName: opts.displayName ?? "Ada" });
      const tokens = await call(nc, identity.sessionsCreate, { email, password });
      return {
        id: account.id,
        email,
        principal: { sub: account.id, roles: tokens.user.roles },
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
      };
    },
    async registerAdmin(email) {
      const account = await call(nc, identity.accountsRegister, { email, password, displayName: "Boss" });
      await harness.db("users").where({ id: account.id }).update({ roles: ["admin", "participant"] });
      return account.id;
    },
    async stop() {
      sub.unsubscribe();
      await client.nc.close();
      await running.stop();
    },
  };
  return harness;
}
