/**
 * The edge's mechanisms, end to end over HTTP → NATS → real test responders: auth, validation,
 * problem+json, limits, idempotency, caching, live streams, CORS and headers, tracing, OpenAPI.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { run, type Running } from "../../kit/run.ts";
import { startTelemetry, stopTelemetry, traceIds } from "../../kit/trace.ts";
import { makeEdgeService, openApiDocument } from "../index.ts";
import { routes as publicRoutes } from "../routes/index.ts";
import { extras } from "../app.ts";
import { type InboxItem, liveInboxSubject } from "../sse.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { databaseUrl, superuserNatsEnv } from "../../../test/support/env.ts";
import { testContracts, testResponder, testRoutes, type TestSigner, testSigner, token, unique } from "./responders.ts";
import { openSse } from "./sse-client.ts";

const tag = unique();
const contracts = testContracts(tag);
const routes = testRoutes(contracts);
const calls = new Map<string, number>();
const jwks: { keys: Array<Record<string, unknown>> } = { keys: [] };
const inbox = new Map<string, InboxItem[]>();
const logLines: Array<Record<string, unknown>> = [];

const env = {
  NATS_URL: "",
  DATABASE_URL: "",
  HTTP_PORT: "0",
  LOG_LEVEL: "info",
  SHUTDOWN_GRACE_MS: "1000",
  TRUST_PROXY: "true",
  CORS_ORIGINS: "https://app.example.org",
  BODY_LIMIT_BYTES: "2048",
  RATE_LIMIT_IP_PER_MINUTE: "1000",
  RATE_LIMIT_AUTH_PER_MINUTE: "3",
  RATE_LIMIT_USER_PER_MINUTE: "30",
  UPSTREAM_TIMEOUT_MS: "400",
  SSE_HEARTBEAT_MS: "1000",
};

/** What the edge answers in these tests: a test reply or a problem. */
type Body = {
  id?: string;
  title?: string;
  calls?: number;
  ownerId?: string;
  q?: string | null;
  limit?: number;
  ok?: boolean;
  serial?: number;
  status?: number;
  type?: string;
  code?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  paths?: Record<string, Record<string, unknown>>;
};
const json = async (res: Response | Promise<Response>) => (await (await res).json()) as Body;

const user = (roles: Principal["roles"] = ["participant"]): Principal => ({ sub: randomUUID(), roles });
const ip = () => `10.${rnd()}.${rnd()}.${rnd()}`;
const rnd = () => Math.floor(Math.random() * 250) + 1;

describe("edge", () => {
  let running: Running;
  let signer: TestSigner;
  let base: string;
  const exporter = new InMemorySpanExporter();

  /** fetch from a fresh client IP unless one is given. */
  const http = (path: string, init: RequestInit & { ip?: string; bearer?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set("X-Forwarded-For", init.ip ?? ip());
    if (init.bearer) headers.set("Authorization", `Bearer ${init.bearer}`);
    if (init.json !== undefined) headers.set("Content-Type", "application/json");
    return fetch(`${base}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };

  before(async function () {
    this.timeout(20_000);
    startTelemetry({ serviceName: "edge-test", spanExporter: exporter });
    signer = await testSigner();
    jwks.keys = [signer.jwk];
    const sink = new Writable({ write: (chunk, _enc, cb) => (logLines.push(JSON.parse(String(chunk)) as Record<string, unknown>), cb()) });
    const log = pino({ level: "info", base: undefined, mixin: () => traceIds() }, sink);
    const edge = makeEdgeService(routes, {
      missedSince: async (p, lastId) => {
        const items = inbox.get(p.sub) ?? [];
        const at = items.findIndex((i) => i.id === lastId);
        return items.slice(at + 1);
      },
      jwksMinRefreshMs: 0,
    });
    running = await run([testResponder(tag, contracts, jwks, calls), edge], { ...env, ...superuserNatsEnv(), DATABASE_URL: databaseUrl() }, { log });
    base = running.url;
  });
  after(async function () {
    this.timeout(20_000);
    await running?.stop();
    await stopTelemetry();
  });

  describe("routes and validation", () => {
    it("maps a public GET to its subject and returns the reply", async () => {
      const id = randomUUID();
      const res = await http(`/v1/items/${id}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get("content-type")).to.match(/^application\/json/);
      expect((await json(res)).id).to.equal(id);
    });

    it("refuses a malformed path parameter with 400 problem+json naming the field, before calling", async () => {
      const res = await http("/v1/items/not-a-uuid");
      expect(res.status).to.equal(400);
      expect(res.headers.get("content-type")).to.match(/^application\/problem\+json/);
      const p = await json(res);
      expect(p).to.include({ status: 400, code: "invalid_request", type: "https://convene.dev/problems/invalid_request" });
      expect(p.errors).to.deep.include({ field: "itemId", message: 'must match format "uuid"' });
      expect(calls.get("get:not-a-uuid")).to.equal(undefined);
    });

    it("names a missing and an unknown body field", async () => {
      const res = await http("/v1/items", { method: "POST", bearer: await token(signer, user()), json: { colour: "red" } });
      expect(res.status).to.equal(400);
      const p = await json(res);
      const fields = (p.errors as Array<{ field: string }>).map((e) => e.field);
      expect(fields).to.include("title");
      expect(fields).to.include("colour");
    });

    it("coerces query parameters to the contract's types and clamps page sizes", async () => {
      expect(await json(http("/v1/items?q=jazz&limit=7"))).to.deep.equal({ q: "jazz", limit: 7 });
      expect(await json(http("/v1/items?limit=100000"))).to.deep.equal({ q: null, limit: 100 });
      const bad = await http("/v1/items?limit=lots");
      expect(bad.status).to.equal(400);
      expect((await json(bad)).errors?.[0]?.field).to.equal("limit");
    });

    it("refuses invalid JSON and a body over the limit (413)", async () => {
      const bearer = await token(signer, user());
      const broken = await http("/v1/items", { method: "POST", bearer, headers: { "Content-Type": "application/json" }, body: "{nope" });
      expect(broken.status).to.equal(400);
      expect((await json(broken)).detail).to.equal("body: is not valid JSON");
      const big = await http("/v1/items", { method: "POST", bearer, json: { title: "x".repeat(5_000) } });
      expect(big.status).to.equal(413);
      expect((await json(big)).code).to.equal("payload_too_large");
    });

    it("answers an unknown path with a 404 problem and a wrong method with 405", async () => {
      const res = await http("/v1/nowhere");
      expect(res.status).to.equal(404);
      expect((await json(res)).code).to.equal("not_found");
      const wrong = await http("/v1/crash", { method: "DELETE" });
      expect(wrong.status).to.equal(405);
      expect(wrong.headers.get("Allow")).to.match(/\bGET\b/);
      expect(wrong.headers.get("Content-Type")).to.match(/^application\/problem\+json/);
    });

    it("refuses a body it does not parse with 415 naming the accepted type, and a missing body with 400", async () => {
      const bearer = await token(signer, user());
      const text = await http("/v1/items", { method: "POST", bearer, headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ title: "t" }) });
      expect(text.status).to.equal(415);
      expect(text.headers.get("Accept-Post")).to.equal("application/json");
      expect((await json(text)).errors).to.deep.equal([{ field: "Content-Type", message: "must be application/json" }]);
      const none = await http("/v1/items", { method: "POST", bearer });
      expect(none.status).to.equal(400);
      expect((await json(none)).errors).to.deep.equal([{ field: "body", message: "is required" }]);
    });

    it("refuses text no store can keep (NUL, an unpaired surrogate) and a blank-after-trimming name, naming the field", async () => {
      const bearer = await token(signer, user());
      for (const title of ["a\u0000b", "a\ud800b"]) {
        const res = await http("/v1/items", { method: "POST", bearer, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ title }) });
        expect(res.status).to.equal(400);
        expect((await json(res)).errors?.[0]?.field).to.equal("title");
      }
      const blank = await http("/v1/items", { method: "POST", bearer, json: { title: " \t\u3000 " } });
      expect(blank.status).to.equal(400);
      expect((await json(blank)).errors).to.deep.equal([{ field: "title", message: "must not be blank" }]);
      const trimmed = await http("/v1/items", { method: "POST", bearer, json: { title: "  spaced  " } });
      expect((await json(trimmed)).title).to.equal("spaced");
    });
  });

  describe("errors from services", () => {
    it("carries a service's refusal as its status and code", async () => {
      const res = await http("/v1/deny", { method: "POST", bearer: await token(signer, user()), json: {} });
      expect(res.status).to.equal(403);
      expect(await json(res)).to.include({ code: "forbidden", detail: "organizers only" });
    });

    it("hides an internal error: 500 without its message or stack", async () => {
      const res = await http("/v1/crash");
      const text = await res.text();
      expect(res.status).to.equal(500);
      expect(text).to.not.match(/secret|edge\.ts|at /);
      expect(JSON.parse(text)).to.include({ code: "internal", detail: "internal error" });
    });

    it("answers 503 when no service listens on the subject", async () => {
      const res = await http("/v1/nobody");
      expect(res.status).to.equal(503);
      expect((await json(res)).code).to.equal("no_responders");
    });

    it("answers 504 when the service does not answer in time", async () => {
      const res = await http("/v1/slow");
      expect(res.status).to.equal(504);
      expect((await json(res)).code).to.equal("timeout");
    });
  });

  describe("authentication", () => {
    it("answers 401 without a token on a user route", async () => {
      const res = await http("/v1/items", { method: "POST", json: { title: "a" } });
      expect(res.status).to.equal(401);
      expect((await json(res)).code).to.equal("unauthenticated");
    });

    it("refuses tokens of another audience, issuer or type, expired ones and HS256 ones", async () => {
      const p = user();
      const bad = [
        await token(signer, p, { aud: "someone-else" }),
        await token(signer, p, { iss: "evil" }),
        await token(signer, p, { typ: "JWT" }),
        await token(signer, p, { exp: "-1m" }),
        // alg confusion: an HS256 token "signed" with the public key's bytes
        `${Buffer.from(JSON.stringify({ alg: "HS256", typ: "at+jwt", kid: signer.kid })).toString("base64url")}.${
          Buffer.from(JSON.stringify({ sub: p.sub, roles: p.roles, iss: "convene", aud: "convene-api" })).toString("base64url")
        }.AAAA`,
      ];
      for (const t of bad) {
        const res = await http("/v1/items", { method: "POST", bearer: t, json: { title: "a" } });
        expect(res.status, t).to.equal(401);
      }
    });

    it("passes the verified principal to the service", async () => {
      const p = user();
      const res = await http("/v1/items", { method: "POST", bearer: await token(signer, p), json: { title: `mine-${unique()}`, ownerId: randomUUID() } });
      expect(res.status).to.equal(201);
      // ownerId comes from the token, whatever the body says
      expect((await json(res)).ownerId).to.equal(p.sub);
    });

    it("accepts a token signed by a rotated-in key (refetches the JWKS on an unknown kid)", async () => {
      const next = await testSigner();
      const before = calls.get("jwks") ?? 0;
      jwks.keys = [next.jwk, signer.jwk];
      const res = await http("/v1/items", { method: "POST", bearer: await token(next, user()), json: { title: `rotated-${unique()}` } });
      expect(res.status).to.equal(201);
      expect(calls.get("jwks")).to.equal(before + 1);
      const forged = await testSigner();
      expect((await http("/v1/items", { method: "POST", bearer: await token(forged, user()), json: { title: "x" } })).status).to.equal(401);
    });

    it("answers 403 to a participant on an admin route and lets an admin through", async () => {
      const res = await http("/v1/admin", { bearer: await token(signer, user()) });
      expect(res.status).to.equal(403);
      expect((await json(res)).code).to.equal("forbidden");
      const ok = await http("/v1/admin", { bearer: await token(signer, user(["admin"])) });
      expect(await json(ok)).to.deep.equal({ ok: true });
    });
  });

  describe("rate limits", () => {
    it("answers 429 with Retry-After once an IP exceeds the stricter auth limit", async () => {
      const from = ip();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await http("/v1/auth/try", { method: "POST", ip: from, json: {} })).status);
      expect(statuses).to.deep.equal([403, 403, 403, 429]);
      const res = await http("/v1/auth/try", { method: "POST", ip: from, json: {} });
      expect(res.status).to.equal(429);
      expect(Number(res.headers.get("retry-after"))).to.be.within(1, 60);
      expect((await json(res)).code).to.equal("rate_limited");
      // another IP is not affected
      expect((await http("/v1/auth/try", { method: "POST", json: {} })).status).to.equal(403);
    });

    it("limits a user across IPs", async () => {
      const bearer = await token(signer, user(["admin"]));
      let last = 0;
      for (let i = 0; i < 31; i++) last = (await http("/v1/admin", { bearer })).status;
      expect(last).to.equal(429);
    });
  });

  describe("Idempotency-Key", () => {
    it("replays the first response for the same key and body, without calling again", async () => {
      const bearer = await token(signer, user());
      const title = `idem-${unique()}`;
      const key = randomUUID();
      const first = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: { title } });
      const second = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: { title } });
      expect(first.status).to.equal(201);
      expect(second.status).to.equal(201);
      expect(second.headers.get("idempotent-replayed")).to.equal("true");
      expect(await json(second)).to.deep.equal(await json(first));
      expect(calls.get(`create:${title}`)).to.equal(1);
    });

    it("answers 422 to the same key with another body", async () => {
      const bearer = await token(signer, user());
      const key = randomUUID();
      await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: { title: `a-${unique()}` } });
      const res = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: { title: `b-${unique()}` } });
      expect(res.status).to.equal(422);
      expect((await json(res)).code).to.equal("idempotency_key_reused");
    });

    it("answers 409 while the first request with the key is still running", async () => {
      const bearer = await token(signer, user());
      const key = randomUUID();
      const body = { title: `slow-${unique()}`, delayMs: 300 };
      const first = http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: body });
      await new Promise((r) => setTimeout(r, 100));
      const second = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: body });
      expect(second.status).to.equal(409);
      expect((await json(second)).code).to.equal("idempotency_in_flight");
      expect((await first).status).to.equal(201);
    });

    it("keeps keys per caller: another user's same key is a new request", async () => {
      const key = randomUUID();
      const title = `shared-${unique()}`;
      await http("/v1/items", { method: "POST", bearer: await token(signer, user()), headers: { "Idempotency-Key": key }, json: { title } });
      const other = await http("/v1/items", { method: "POST", bearer: await token(signer, user()), headers: { "Idempotency-Key": key }, json: { title } });
      expect(other.status).to.equal(201);
      expect(other.headers.get("idempotent-replayed")).to.equal(null);
      expect(calls.get(`create:${title}`)).to.equal(2);
    });

    it("replays a refusal too, and frees the key after a timeout", async () => {
      const bearer = await token(signer, user());
      const key = randomUUID();
      const conflict = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: { title: "taken" } });
      expect(conflict.status).to.equal(409);
      const again = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": key }, json: { title: "taken" } });
      expect(again.status).to.equal(409);
      expect(again.headers.get("idempotent-replayed")).to.equal("true");

      const slowKey = randomUUID();
      const body = { title: `late-${unique()}`, delayMs: 600 };
      expect((await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": slowKey }, json: body })).status).to.equal(504);
      // not 409 (in flight) nor a replayed 504: the retry runs again
      const retried = await http("/v1/items", { method: "POST", bearer, headers: { "Idempotency-Key": slowKey }, json: body });
      expect(retried.status).to.equal(504);
      expect(retried.headers.get("idempotent-replayed")).to.equal(null);
      expect(calls.get(`create:${body.title}`)).to.equal(2);
    });
  });

  describe("caching", () => {
    it("answers 304 to If-None-Match with the current ETag", async () => {
      const res = await http(`/v1/items/${randomUUID()}`);
      const etag = res.headers.get("etag")!;
      expect(etag).to.match(/^".+"$/);
      const again = await http(res.url.slice(base.length), { headers: { "If-None-Match": etag } });
      expect(again.status).to.equal(304);
      expect(await again.text()).to.equal("");
    });

    it("serves a hot public read from the cache until a domain event about it arrives", async () => {
      const id = randomUUID();
      const a = await json(http(`/v1/items/${id}`));
      const b = await http(`/v1/items/${id}`);
      expect(b.headers.get("x-cache")).to.equal("hit");
      expect((await json(b)).calls).to.equal(a.calls);
      running.nats.nc.publish(
        "evt.event.updated",
        JSON.stringify({
          id: randomUUID(),
          type: "evt.event.updated",
          version: 1,
          source: "events",
          occurredAt: new Date().toISOString(),
          data: { eventId: id },
        }),
      );
      await running.nats.nc.flush();
      let c = a;
      for (let i = 0; i < 50 && c.calls === a.calls; i++) {
        await new Promise((r) => setTimeout(r, 20));
        c = await json(http(`/v1/items/${id}`));
      }
      expect(c.calls).to.equal(a.calls! + 1);
    });

    it("never serves a signed-in caller from the shared cache", async () => {
      const id = randomUUID();
      await http(`/v1/items/${id}`);
      const res = await http(`/v1/items/${id}`, { bearer: await token(signer, user()) });
      expect(res.headers.get("x-cache")).to.equal(null);
      expect(res.headers.get("cache-control")).to.equal("no-store");
    });
  });

  describe("live inbox (SSE)", () => {
    it("pushes items published on live.inbox.<user> to that user's stream only", async () => {
      const p = user();
      const other = user();
      const stream = await openSse(`${base}/v1/me/notifications/stream`, { Authorization: `Bearer ${await token(signer, p)}` });
      try {
        expect(stream.status).to.equal(200);
        expect(stream.headers.get("content-type")).to.match(/^text\/event-stream/);
        await new Promise((r) => setTimeout(r, 100));
        running.nats.nc.publish(liveInboxSubject(other.sub), JSON.stringify({ id: "n-other", title: "not yours" }));
        running.nats.nc.publish(liveInboxSubject(p.sub), JSON.stringify({ id: "n1", title: "Concert moved" }));
        const [ev] = await stream.take(1);
        expect(ev).to.deep.equal({ id: "n1", event: "notification", data: JSON.stringify({ id: "n1", title: "Concert moved" }) });
      } finally {
        stream.close();
      }
    });

    it("resumes with Last-Event-ID: missed items first, then live ones", async () => {
      const p = user();
      inbox.set(p.sub, [{ id: "m1", title: "one" }, { id: "m2", title: "two" }, { id: "m3", title: "three" }]);
      const stream = await openSse(`${base}/v1/me/notifications/stream?access_token=${await token(signer, p)}`, { "Last-Event-ID": "m1" });
      try {
        const first = await stream.take(2);
        expect(first.map((e) => e.id)).to.deep.equal(["m2", "m3"]);
        running.nats.nc.publish(liveInboxSubject(p.sub), JSON.stringify({ id: "m4", title: "four" }));
        expect((await stream.take(3))[2].id).to.equal("m4");
      } finally {
        stream.close();
      }
    });

    it("refuses a stream without a token", async () => {
      const stream = await openSse(`${base}/v1/me/notifications/stream`);
      expect(stream.status).to.equal(401);
    });
  });

  describe("headers, CORS and tracing", () => {
    it("sets security headers and answers CORS only for allowlisted origins", async () => {
      const ok = await http("/v1/items", { headers: { Origin: "https://app.example.org" } });
      expect(ok.headers.get("access-control-allow-origin")).to.equal("https://app.example.org");
      expect(ok.headers.get("x-content-type-options")).to.equal("nosniff");
      expect(ok.headers.get("content-security-policy")).to.contain("frame-ancestors 'none'");
      expect(ok.headers.get("referrer-policy")).to.equal("no-referrer");
      expect(ok.headers.get("strict-transport-security")).to.equal(null);
      const evil = await http("/v1/items", { headers: { Origin: "https://evil.example" } });
      expect(evil.headers.get("access-control-allow-origin")).to.equal(null);
      const tls = await http("/v1/items", { headers: { "X-Forwarded-Proto": "https" } });
      expect(tls.headers.get("strict-transport-security")).to.match(/max-age=\d+/);
    });

    it("continues an incoming traceparent and logs the request with its trace id", async () => {
      const traceId = randomUUID().replaceAll("-", "");
      const res = await http(`/v1/items/${randomUUID()}`, { headers: { traceparent: `00-${traceId}-${"1".repeat(16)}-01` } });
      expect(res.headers.get("x-trace-id")).to.equal(traceId);
      const line = logLines.find((l) => l.msg === "request" && l.trace_id === traceId);
      expect(line, "request log line").to.not.equal(undefined);
      expect(line).to.include({ status: 200, route: "/v1/items/:id" });
      expect(exporter.getFinishedSpans().some((s) => s.spanContext().traceId === traceId && s.name.startsWith(contracts.getItem.subject))).to.equal(true);
    });
  });

  describe("OpenAPI", () => {
    it("documents every route it serves and serves every documented operation", async () => {
      const doc = await json(http("/v1/openapi.json"));
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)
      ).sort();
      const expected = [...routes.map((r) => `${r.method} ${r.path}`), ...extras.map((e) => `${e.method} ${e.path}`)].sort();
      expect(documented).to.deep.equal(expected);
      // and the router matches each documented operation (no "no route" 404, no 405)
      for (const entry of documented) {
        const [method, path] = entry.split(" ");
        const res = await http(path.replace(/\{\w+\}/g, randomUUID()), { method, json: method === "POST" ? {} : undefined, signal: AbortSignal.timeout(2_000) })
          .catch(() => undefined);
        if (!res) continue; // the stream route answered and kept the connection open
        const text = await res.text();
        expect(res.status, entry).to.not.equal(405);
        expect(text, entry).to.not.contain("no route");
      }
    });

    const lint = async (text: string) => {
      const config = await createConfig({ extends: ["recommended"] });
      const problems = await lintFromString({ source: text, config, absoluteRef: "openapi.json" });
      return problems.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    };

    it("passes the OpenAPI validator (redocly, recommended rules) with no errors", async () => {
      expect(await lint(await (await http("/v1/openapi.json")).text())).to.deep.equal([]);
    });

    it("documents the public route table validly too, one operation per route", async () => {
      const doc = openApiDocument();
      expect(await lint(JSON.stringify(doc))).to.deep.equal([]);
      const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item));
      expect(operations.length).to.equal(publicRoutes.length + extras.length);
      expect(new Set(publicRoutes.map((r) => `${r.method} ${r.path}`)).size, "no route declared twice").to.equal(publicRoutes.length);
    });

    it("serves /docs as Swagger UI from its own origin only, listing every operation without script too", async () => {
      const res = await http("/docs");
      const html = await res.text();
      expect(res.headers.get("content-type")).to.match(/^text\/html/);
      expect(res.headers.get("content-security-policy")).to.contain("script-src 'self'").and.contain("connect-src 'self'");
      const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources.filter((s) => /^(https?:)?\/\//.test(s)), "nothing loaded from elsewhere").to.deep.equal([]);
      for (const r of routes) expect(html).to.contain(r.path);
      for (const asset of ["/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/docs/assets/init.js"]) {
        expect(html).to.contain(asset);
        const file = await http(asset);
        expect(file.status, asset).to.equal(200);
        expect((await file.arrayBuffer()).byteLength).to.be.greaterThan(100);
      }
      expect(await (await http("/docs/assets/init.js")).text()).to.contain('url: "/v1/openapi.json"').and.contain("validatorUrl: null");
    });
  });
});
