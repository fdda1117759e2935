/**
 * The internal bus is closed (issue #14, "The bus"): NATS refuses anonymous clients, holds every
 * service to the subjects its definition declares (services/kit/bus.ts, deploy/nats-conf.ts,
 * the configuration `make up` and the chart run too), and services trust only principals the edge
 * signed. Refusals are observed where NATS reports them: a failed connect, and the permission
 * errors the server sends the offending connection.
 */
import { expect } from "chai";
import { connect } from "@nats-io/transport-node";
import { errors, headers, type NatsConnection, nkeyAuthenticator, type PermissionViolationError } from "@nats-io/nats-core";
import { permissionsOf } from "../../services/kit/bus.ts";
import { connectNats, createNkey, type Nats } from "../../services/kit/nats.ts";
import { inboxPrefixOf, STREAMS_USER } from "../../services/kit/bus.ts";
import { registry } from "../../services/registry.ts";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { call } from "../../services/kit/call.ts";
import { identity } from "../../subjects/identity.ts";
import { bookings } from "../../subjects/bookings.ts";
import { PRINCIPAL_HEADER } from "../../subjects/principal.ts";
import { type ServiceHarness, startServices } from "../support/harness.ts";
import { databaseUrl, natsEnv, natsUrl, testEnv } from "../support/env.ts";
import { eventually } from "../support/eventually.ts";
import { parseSeeds } from "../../deploy/nats-conf.ts";
import { ensureSecrets } from "../../deploy/local/secrets.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../services/kit/run.ts";
import { ConfigError } from "../../services/kit/config.ts";

/** Connects as a service's NATS user (its nkey), collecting the permission errors the server sends it. */
async function connectAs(service: string): Promise<{ nats: Nats; refused: PermissionViolationError[] }> {
  const seed = parseSeeds(testEnv.nats!.seeds).get(service);
  if (!seed) throw new Error(`no test nkey seed for ${service}`);
  const nats = await connectNats({ servers: natsUrl(), name: `bus-test-${service}`, seed, inboxPrefix: inboxPrefixOf(service) });
  const refused: PermissionViolationError[] = [];
  void (async () => {
    for await (const s of nats.nc.status()) if (s.type === "error" && s.error instanceof errors.PermissionViolationError) refused.push(s.error);
  })();
  return { nats, refused };
}

const refusal = (refused: PermissionViolationError[], operation: "publish" | "subscription", subject: string) =>
  eventually(`the server to refuse ${operation} on ${subject}`, async () => refused.find((e) => e.operation === operation && e.subject === subject), 5_000);

describe("security: the internal bus", function () {
  this.timeout(30_000);
  let h: ServiceHarness;
  const open: NatsConnection[] = [];
  const as = async (service: string) => {
    const c = await connectAs(service);
    open.push(c.nats.nc);
    return c;
  };

  before(async () => {
    h = await startServices([identityService, edgeService]);
  });
  after(async () => {
    for (const nc of open) await nc.close().catch(() => undefined);
    await h?.stop();
  });

  it("refuses an anonymous connection, an nkey it does not list and a password", async () => {
    const attempt = (opts: Parameters<typeof connect>[0]) =>
      connect({ servers: natsUrl(), maxReconnectAttempts: 0, ...opts }).then(
        (nc) => nc.close().then(() => "connected"),
        (e: Error) => e.message,
      );
    expect(await attempt({})).to.match(/authorization/i);
    // A well-formed seed the server does not know: a service with the wrong nkey.
    expect(await attempt({ authenticator: nkeyAuthenticator(new TextEncoder().encode(createNkey().seed)) })).to.match(/authorization/i);
    expect(await attempt({ user: "edge", pass: "guessed" })).to.match(/authorization/i);
    // The control: the edge's own seed is let in.
    expect(await attempt({ authenticator: nkeyAuthenticator(new TextEncoder().encode(parseSeeds(testEnv.nats!.seeds).get("edge")!)) })).to.equal("connected");
  });

  it("in production refuses to start a service without its nkey seed, or with a malformed one, before connecting", async () => {
    const { NATS_NKEY_SEEDS: _seeds, NATS_NKEY_SEED: _seed, ...rest } = natsEnv();
    // Every other secret production asks for, as make up makes them (NATS seeds left out).
    const secrets = ensureSecrets(join(mkdtempSync(join(tmpdir(), "convene-secrets-")), "secrets.env"));
    const env = {
      ...rest,
      ...secrets,
      NODE_ENV: "production",
      NATS_URL: "nats://127.0.0.1:1",
      DATABASE_URL: databaseUrl(),
      HTTP_PORT: "0",
      OPS_PORT: "0",
      LOG_LEVEL: "silent",
    };
    const boot = (extra: Record<string, string>) => run([edgeService], { ...env, ...extra }, { listen: false }).then(() => undefined, (e: Error) => e);
    const missing = await boot({});
    expect(missing).to.be.instanceOf(ConfigError);
    expect(missing!.message).to.contain("NATS_NKEY_SEEDS").and.to.contain("edge");
    const malformed = await boot({ NATS_NKEY_SEEDS: "edge:SUnotaseed" });
    expect(malformed).to.be.instanceOf(ConfigError);
    expect(malformed!.message).to.contain("not a user nkey seed");
  });

  it("lets no service but identity subscribe to identity's requests, so nobody can answer svc.identity.keys.list or read svc.identity.sessions.create", async () => {
    for (const def of registry.filter((d) => d.name !== "identity")) {
      const { nats, refused } = await as(def.name);
      nats.nc.subscribe(identity.keysList.subject, { callback: () => undefined });
      nats.nc.subscribe("svc.identity.>", { queue: "rogue", callback: () => undefined });
      nats.nc.subscribe(identity.sessionsCreate.subject, { callback: () => undefined });
      await refusal(refused, "subscription", identity.keysList.subject);
      await refusal(refused, "subscription", "svc.identity.>");
      await refusal(refused, "subscription", identity.sessionsCreate.subject);
    }
    // And the edge's JWKS is identity's: the keys the edge fetches are the ones identity serves.
    const keys = await call(h.running.connections.get("edge")!.nc, identity.keysList, {});
    expect(keys.keys.length).to.be.greaterThan(0);
  });

  it("refuses a service publishing another service's events, or any it did not declare", async () => {
    const { nats, refused } = await as("edge");
    nats.nc.publish("evt.user.role_changed", JSON.stringify({ id: "forged" }));
    await refusal(refused, "publish", "evt.user.role_changed");
    const events = await as("events");
    events.nats.nc.publish("evt.user.registered", "{}");
    events.nats.nc.publish("work.notifications.deliver", "{}");
    await refusal(events.refused, "publish", "evt.user.registered");
    await refusal(events.refused, "publish", "work.notifications.deliver");
    // Notifications replays dead letters through its own handlers: it may republish no event, nor another's job.
    const notif = await as("notifications");
    notif.nats.nc.publish("evt.booking.confirmed", "{}");
    notif.nats.nc.publish("work.bookings.expire", "{}");
    await refusal(notif.refused, "publish", "evt.booking.confirmed");
    await refusal(notif.refused, "publish", "work.bookings.expire");
  });

  it("refuses a call to a subject the service did not declare (bookings cannot ask identity to log in or change roles)", async () => {
    const { nats, refused } = await as("bookings");
    nats.nc.publish(identity.sessionsCreate.subject, "{}", { reply: `${inboxPrefixOf("bookings")}.x` });
    nats.nc.publish(identity.usersSetRoles.subject, "{}", { reply: `${inboxPrefixOf("bookings")}.x` });
    await refusal(refused, "publish", identity.sessionsCreate.subject);
    await refusal(refused, "publish", identity.usersSetRoles.subject);
  });

  it("names an undeclared call at once instead of letting the server drop it (the edge cannot settle an order)", async () => {
    const err = (await call(h.running.connections.get("edge")!.nc, bookings.ordersSettle, {} as never).catch((e: unknown) => e)) as Error;
    expect(err.message).to.contain("edge does not declare svc.bookings.orders.settle");
  });

  it("refuses a forged principal from a service allowed to call: only the edge signs principals", async () => {
    // events may call svc.identity.orgs.can-act, on behalf of the caller it received; a header it makes up is refused.
    const { nats } = await as("events");
    const h = headers();
    h.set(PRINCIPAL_HEADER, JSON.stringify({ sub: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", roles: ["admin"] }));
    const reply = await nats.nc.request(
      identity.canActForOrg.subject,
      JSON.stringify({ userId: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", orgId: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f" }),
      { timeout: 5_000, headers: h },
    );
    expect(reply.headers?.get("Nats-Service-Error-Code")).to.equal("401");
    expect(reply.json<{ code: string }>().code).to.equal("unauthenticated");
  });

  it("refuses reading another service's inbox, the EVENTS stream without a consumer of it, and the edge's KV buckets", async () => {
    const { nats, refused } = await as("identity");
    nats.nc.subscribe(`${inboxPrefixOf("edge")}.>`, { callback: () => undefined });
    nats.nc.subscribe("_INBOX.>", { callback: () => undefined });
    nats.nc.publish("$JS.API.STREAM.MSG.GET.EVENTS", JSON.stringify({ seq: 1 }), { reply: `${inboxPrefixOf("identity")}.x` });
    nats.nc.publish("$KV.EDGE_RATE_LIMITS.ip", "0");
    nats.nc.publish("$O.event-attachments.C.x", "x");
    await refusal(refused, "subscription", `${inboxPrefixOf("edge")}.>`);
    await refusal(refused, "subscription", "_INBOX.>");
    await refusal(refused, "publish", "$JS.API.STREAM.MSG.GET.EVENTS");
    await refusal(refused, "publish", "$KV.EDGE_RATE_LIMITS.ip");
    await refusal(refused, "publish", "$O.event-attachments.C.x");
  });

  it("refuses a service creating, updating, purging or deleting a stream it does not own; the streams user may only create and update the platform's", async () => {
    const ask = (nats: Nats, subject: string, prefix: string) =>
      nats.nc.publish(subject, JSON.stringify({ name: subject.split(".").pop(), subjects: ["rogue.>"] }), { reply: `${prefix}.x` });
    const notif = await as("notifications");
    const forbidden = ["CREATE.EVENTS", "UPDATE.EVENTS", "DELETE.EVENTS", "PURGE.EVENTS", "DELETE.WORK", "UPDATE.DEAD_LETTERS", "CREATE.ROGUE"].map((op) =>
      `$JS.API.STREAM.${op}`
    );
    for (const subject of forbidden) ask(notif.nats, subject, inboxPrefixOf("notifications"));
    for (const subject of forbidden) await refusal(notif.refused, "publish", subject);
    // Nor another service's KV bucket (the edge's rate limits).
    const ident = await as("identity");
    for (const op of ["CREATE", "DELETE"]) ask(ident.nats, `$JS.API.STREAM.${op}.KV_EDGE_RATE_LIMITS`, inboxPrefixOf("identity"));
    for (const op of ["CREATE", "DELETE"]) await refusal(ident.refused, "publish", `$JS.API.STREAM.${op}.KV_EDGE_RATE_LIMITS`);
    // The streams user (the migrations job's) reads and updates the platform's streams, and deletes nothing.
    const admin = await connectNats({
      servers: natsUrl(),
      name: "bus-test-streams",
      seed: testEnv.nats!.streamsSeed!,
      inboxPrefix: inboxPrefixOf(STREAMS_USER),
    });
    open.push(admin.nc);
    const adminRefused: PermissionViolationError[] = [];
    void (async () => {
      for await (const s of admin.nc.status()) if (s.type === "error" && s.error instanceof errors.PermissionViolationError) adminRefused.push(s.error);
    })();
    expect((await admin.jsm.streams.info("EVENTS")).config.name).to.equal("EVENTS");
    ask(admin, "$JS.API.STREAM.DELETE.EVENTS", inboxPrefixOf(STREAMS_USER));
    await refusal(adminRefused, "publish", "$JS.API.STREAM.DELETE.EVENTS");
    // And the platform's streams are still there.
    const { nats: still } = await as("notifications");
    for (const name of ["EVENTS", "WORK", "DEAD_LETTERS"]) expect((await still.jsm.streams.info(name)).config.name).to.equal(name);
  });

  it("refuses a service touching another service's consumer: deleting it, pulling from it, acking for it or dead-lettering as it", async () => {
    const { nats, refused } = await as("payments");
    const reply = { reply: `${inboxPrefixOf("payments")}.x` };
    const forbidden = [
      "$JS.API.CONSUMER.DELETE.EVENTS.notifications-planner",
      "$JS.API.CONSUMER.INFO.EVENTS.bookings-events",
      "$JS.API.CONSUMER.MSG.NEXT.EVENTS.notifications-planner",
      "$JS.API.CONSUMER.CREATE.EVENTS.rogue",
      "$JS.API.CONSUMER.CREATE.EVENTS.rogue.evt.>",
      "$JS.API.CONSUMER.DURABLE.CREATE.EVENTS.rogue",
      "$JS.ACK.EVENTS.bookings-events.1.1.1.1.0",
      "dlq.notifications-planner",
    ];
    for (const subject of forbidden) nats.nc.publish(subject, "{}", reply);
    for (const subject of forbidden) await refusal(refused, "publish", subject);
    // Its own consumer it may ask about (the control): the server answers (not created in this run), nothing is refused.
    const own = await nats.jsm.consumers.info("EVENTS", "payments-events").then((i) => i.name, (e: Error) => e.message);
    expect(own).to.match(/payments-events|consumer not found/);
    expect(refused.map((e) => e.subject)).to.not.include("$JS.API.CONSUMER.INFO.EVENTS.payments-events");
  });

  it("gives each service a user whose permissions come from its definition", () => {
    for (const def of registry) {
      const p = permissionsOf(def.name, def.bus);
      expect(p.subscribe.allow, def.name).to.include(`svc.${def.name}.>`);
      expect(p.subscribe.allow.filter((s) => s.startsWith("svc.") && s !== `svc.${def.name}.>`), def.name).to.deep.equal([]);
      expect(p.publish.allow.some((s) => s === ">" || s === "svc.>" || s === "$JS.API.>"), def.name).to.equal(false);
      // No service creates, updates or deletes a platform stream (only the streams user creates and updates them).
      const platform = ["EVENTS", "WORK", "DEAD_LETTERS"];
      expect(
        p.publish.allow.filter((s) => /^\$JS\.API\.STREAM\.(CREATE|UPDATE|DELETE|PURGE|\*)\./.test(s) && platform.some((n) => s.endsWith(`.${n}`))),
        def.name,
      ).to.deep.equal([]);
    }
  });
});
