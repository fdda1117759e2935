import process from "node:process";
import { expect } from "chai";
import { Type } from "@sinclair/typebox";
import { request } from "../../../subjects/contract.ts";
import { Buffer } from "node:buffer";
import { headers } from "@nats-io/nats-core";
import { connectNats, type Nats } from "../nats.ts";
import { loadPrincipalKeys, mintPrincipal } from "../principal-token.ts";
import { PRINCIPAL_HEADER } from "../../../subjects/principal.ts";
import { endpoint, serve, type Served } from "../serve.ts";
import { call } from "../call.ts";
import { AppError, forbidden } from "../errors.ts";
import { createLogger } from "../log.ts";
import { testEnv, testNats, testNatsOptions } from "../../../test/support/env.ts";

const Greet = request({
  subject: "svc.kittest.greet",
  description: "Greets a named attendee.",
  request: Type.Object({ name: Type.String({ minLength: 1 }), email: Type.Optional(Type.String({ format: "email" })) }, { additionalProperties: false }),
  reply: Type.Object({ greeting: Type.String() }),
  idempotent: true,
});
const Relay = request({
  subject: "svc.kitrelay.greet",
  description: "Greets through kittest, on behalf of its caller.",
  request: Greet.request,
  reply: Greet.reply,
  idempotent: true,
});
const Crash = request({ subject: "svc.kittest.crash", description: "Always throws.", request: Type.Object({}), reply: Type.Object({}), idempotent: false });
const Deny = request({ subject: "svc.kittest.deny", description: "Always refuses.", request: Type.Object({}), reply: Type.Object({}), idempotent: false });
const Echoed = request({
  subject: "svc.kittest.echoed",
  description: "Refuses, echoing its input in the message.",
  request: Type.Object({ what: Type.String() }),
  reply: Type.Object({}),
  idempotent: false,
});
const Nobody = request({
  subject: "svc.kittest.nobody",
  description: "Nobody serves this.",
  request: Type.Object({}),
  reply: Type.Object({}),
  idempotent: true,
});
const BadReply = request({
  subject: "svc.kittest.bad-reply",
  description: "Replies off-contract.",
  request: Type.Object({}),
  reply: Type.Object({ n: Type.Integer() }),
  idempotent: false,
});

describe("kit serve + call", () => {
  let nats: Nats;
  let served: Served;
  const log = createLogger({ name: "test", level: "silent" });

  before(async () => {
    nats = await testNats("kit-rpc-test");
    served = await serve(nats.nc, { name: "kittest", version: "1.0.0", description: "test service", log }, [
      endpoint(Greet, async (input, ctx) => ({ greeting: `hello ${input.name}${ctx.principal ? ` from ${ctx.principal.sub}` : ""}` })),
      endpoint(Crash, async () => {
        throw new Error("secret internal detail at /srv/app.ts:42");
      }),
      endpoint(Deny, async () => {
        throw forbidden("organizers only");
      }),
      endpoint(BadReply, async () => ({ n: "not a number" }) as never),
      endpoint(Echoed, async (input) => {
        throw new AppError("not_found", `unknown thing ${input.what}`, { status: 404 });
      }),
    ]);
  });
  after(async () => {
    await served.stop();
    await nats.nc.close();
  });

  it("answers a valid request and passes the principal", async () => {
    const reply = await call(nats.nc, Greet, { name: "Ada" }, { principal: { sub: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", roles: ["participant"] } });
    expect(reply.greeting).to.equal("hello Ada from 8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f");
  });

  it("refuses a principal header the edge did not sign: forged JSON, tampered, expired or signed by another key", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const signing = loadPrincipalKeys(process.env, { mints: true }).signing!;
    const admin = { sub: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", roles: ["admin" as const] };
    const valid = mintPrincipal(signing, { ...admin, roles: ["participant"] });
    const [payload, signature] = valid.split(".");
    const tampered = `${Buffer.from(JSON.stringify({ p: admin, exp: Date.now() + 60_000 })).toString("base64url")}.${signature}`;
    const forged = [
      JSON.stringify(admin),
      tampered,
      `${payload}.`,
      mintPrincipal(signing, admin, Date.now() - 120_000),
      mintPrincipal(generateKeyPairSync("ed25519").privateKey, admin),
    ];
    for (const value of forged) {
      const h = headers();
      h.set(PRINCIPAL_HEADER, value);
      const reply = await nats.nc.request(Greet.subject, JSON.stringify({ name: "Ada" }), { timeout: 2_000, headers: h });
      expect(reply.headers?.get("Nats-Service-Error-Code"), value).to.equal("401");
      expect(reply.json<{ code: string }>().code).to.equal("unauthenticated");
    }
    const h = headers();
    h.set(PRINCIPAL_HEADER, valid);
    const reply = await nats.nc.request(Greet.subject, JSON.stringify({ name: "Ada" }), { timeout: 2_000, headers: h });
    expect(reply.json<{ greeting: string }>().greeting).to.equal(`hello Ada from ${admin.sub}`);
  });

  it("forwards the signed header a handler received and refuses to speak for a principal it did not", async () => {
    const own = await testNats("kit-rpc-forwarder");
    // A second connection that may not mint, like a service's own.
    const plain = await connectNats({ servers: testNatsOptions().servers, seed: testEnv.nats?.superuser?.seed, name: "kit-rpc-plain" });
    const relay = await serve(plain.nc, { name: "kitrelay", version: "1.0.0", description: "forwards", log }, [
      endpoint(Relay, async (input, ctx) => call(plain.nc, Greet, input, { principal: ctx.principal })),
    ]);
    try {
      const p = { sub: "2b1e3c4d-7c1b-4a5e-9b1a-8d5a2a0e5e6f", roles: ["organizer" as const] };
      expect((await call(own.nc, Relay, { name: "Bo" }, { principal: p })).greeting).to.equal(`hello Bo from ${p.sub}`);
      const refused = (await call(plain.nc, Greet, { name: "Bo" }, { principal: p }).catch((e: unknown) => e)) as AppError;
      expect(refused.code).to.equal("internal");
      expect(refused.message).to.contain("only the edge mints principals");
    } finally {
      await relay.stop();
      await plain.nc.close();
      await own.nc.close();
    }
  });

  it("refuses a bad payload with an error naming the field (server side)", async () => {
    // Bypass the client-side check to prove the server validates too.
    const reply = await nats.nc.request(Greet.subject, JSON.stringify({ name: "Ada", email: "nope" }), { timeout: 2_000 });
    expect(reply.headers?.get("Nats-Service-Error-Code")).to.equal("400");
    const body = reply.json<{ code: string; message: string; details: Array<{ field: string }> }>();
    expect(body.code).to.equal("invalid_request");
    expect(body.message).to.contain("email");
    expect(body.details[0].field).to.equal("email");
  });

  it("gives the caller a 400 naming the missing field", async () => {
    const err = await call(nats.nc, Greet, {} as never).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AppError);
    expect((err as AppError).status).to.equal(400);
    expect((err as AppError).message).to.equal("name: is required");
  });

  it("turns a throwing handler into a 500 without the stack or message", async () => {
    const reply = await nats.nc.request(Crash.subject, "{}", { timeout: 2_000 });
    const text = new TextDecoder().decode(reply.data);
    expect(reply.headers?.get("Nats-Service-Error-Code")).to.equal("500");
    expect(text).to.not.contain("secret");
    expect(text).to.not.contain("app.ts");
    const err = await call(nats.nc, Crash, {}).catch((e: unknown) => e);
    expect((err as AppError).code).to.equal("internal");
    expect((err as AppError).status).to.equal(500);
  });

  it("carries an expected error's code and status to the caller", async () => {
    const err = (await call(nats.nc, Deny, {}).catch((e: unknown) => e)) as AppError;
    expect([err.code, err.status, err.message]).to.deep.equal(["forbidden", 403, "organizers only"]);
  });

  it("answers an error whose message holds a line break (what a caller sent, echoed): headers cannot, the body keeps it", async () => {
    const err = (await call(nats.nc, Echoed, { what: "a\r\nb\t" }, { timeoutMs: 3_000 }).catch((e: unknown) => e)) as AppError;
    expect([err.code, err.status, err.message]).to.deep.equal(["not_found", 404, "unknown thing a\r\nb\t"]);
  });

  it("never sends a reply that breaks its schema", async () => {
    const err = (await call(nats.nc, BadReply, {}).catch((e: unknown) => e)) as AppError;
    expect([err.code, err.status]).to.deep.equal(["internal", 500]);
  });

  it("fails fast with no_responders when no service runs", async () => {
    const started = Date.now();
    const err = (await call(nats.nc, Nobody, {}, { timeoutMs: 5_000 }).catch((e: unknown) => e)) as AppError;
    expect(err.code).to.equal("no_responders");
    expect(err.status).to.equal(503);
    expect(Date.now() - started).to.be.lessThan(1_000);
  });

  it("reports a timeout distinctly from no responders", async () => {
    const sub = nats.nc.subscribe("svc.kittest.slow", { callback: () => undefined });
    const Slow = request({ subject: "svc.kittest.slow", description: "never answers", request: Type.Object({}), reply: Type.Object({}), idempotent: false });
    const err = (await call(nats.nc, Slow, {}, { timeoutMs: 200 }).catch((e: unknown) => e)) as AppError;
    sub.unsubscribe();
    expect(err.code).to.equal("timeout");
    expect(err.status).to.equal(504);
  });

  describe("retries", () => {
    /** A responder that loses the first request it gets and answers every later one. */
    const dropsFirst = (subject: string) => {
      const seen: number[] = [];
      const sub = nats.nc.subscribe(subject, {
        callback: (_err, msg) => {
          seen.push(Date.now());
          if (seen.length > 1) msg.respond(JSON.stringify({ attempt: seen.length }));
        },
      });
      return { seen, stop: () => sub.unsubscribe() };
    };
    const contract = (name: string, idempotent: boolean) =>
      request({
        subject: `svc.kittest.${name}`,
        description: "Answers from the second request on.",
        request: Type.Object({}),
        reply: Type.Object({ attempt: Type.Integer() }),
        idempotent,
      });

    it("retries an idempotent request whose first attempt got no answer, within the deadline", async () => {
      const r = dropsFirst("svc.kittest.lossy-read");
      try {
        const started = Date.now();
        const reply = await call(nats.nc, contract("lossy-read", true), {}, { timeoutMs: 3_000, retries: 2 });
        expect(reply).to.deep.equal({ attempt: 2 });
        expect(r.seen).to.have.length(2);
        // The first attempt waited for its share (a third of 3 s), not for the whole deadline.
        expect(r.seen[1] - r.seen[0]).to.be.within(900, 2_000);
        expect(Date.now() - started).to.be.below(3_000);
      } finally {
        r.stop();
      }
    });

    it("takes the first answer to any copy, so a slow idempotent responder still answers within the deadline", async () => {
      const seen: number[] = [];
      const sub = nats.nc.subscribe("svc.kittest.slow-read", {
        callback: (_err, msg) => {
          seen.push(Date.now());
          const n = seen.length;
          setTimeout(() => msg.respond(JSON.stringify({ attempt: n })), 1_500);
        },
      });
      try {
        const reply = await call(nats.nc, contract("slow-read", true), {}, { timeoutMs: 3_000, retries: 2 });
        // Sent again after 1 s (no answer yet); the first copy's answer came first.
        expect(reply).to.deep.equal({ attempt: 1 });
        expect(seen).to.have.length(2);
      } finally {
        sub.unsubscribe();
      }
    });

    it("never retries a non-idempotent request: one attempt waits for the whole deadline, then times out", async () => {
      const r = dropsFirst("svc.kittest.lossy-write");
      try {
        const started = Date.now();
        const err = (await call(nats.nc, contract("lossy-write", false), {}, { timeoutMs: 1_000, retries: 2 }).catch((e: unknown) => e)) as AppError;
        expect(err.code).to.equal("timeout");
        expect(Date.now() - started).to.be.at.least(1_000);
        expect(r.seen).to.have.length(1);
      } finally {
        r.stop();
      }
    });
  });

  it("is discoverable through $SRV.PING", async () => {
    const reply = await nats.nc.request("$SRV.PING.kittest", "", { timeout: 2_000 });
    expect(reply.json<{ name: string }>().name).to.equal("kittest");
  });
});
