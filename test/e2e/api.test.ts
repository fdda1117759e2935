/**
 * End to end through the edge with the client generated from its OpenAPI document: the real
 * services run in this process (run(registry subset)) on the test NATS and Postgres.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { run, type Running } from "../../services/kit/run.ts";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { notificationsService } from "../../services/notifications/index.ts";
import { liveInboxSubject, type LiveInboxItem } from "../../subjects/notifications.ts";
import { openSse } from "../../services/edge/test/sse-client.ts";
import { natsUrl, databaseUrl } from "../support/env.ts";
import { apiClient, generateClientTypes, GENERATED, type Api } from "./client.ts";

const password = "correct horse battery staple";
const newEmail = () => `e2e+${randomUUID()}@example.org`;
const rnd = () => Math.floor(Math.random() * 250) + 1;
const newIp = () => `198.18.${rnd()}.${rnd()}`;

describe("e2e: the public API through the edge", function () {
  this.timeout(30_000);
  let running: Running;
  let base: string;
  /** A client from a fresh IP, so per-IP limits of one test never touch another. */
  const client = (token?: string, ip = newIp()): Api => apiClient(base, { ip, token });

  async function signUp(api: Api = client()): Promise<{ email: string; id: string; accessToken: string; refreshToken: string }> {
    const email = newEmail();
    const reg = await api.POST("/v1/auth/register", { body: { email, password, displayName: "Ada" } });
    expect(reg.response.status, JSON.stringify(reg.error)).to.equal(201);
    const login = await api.POST("/v1/auth/login", { body: { email, password } });
    expect(login.response.status, JSON.stringify(login.error)).to.equal(200);
    return { email, id: reg.data!.id, accessToken: login.data!.accessToken, refreshToken: login.data!.refreshToken };
  }

  before(async function () {
    this.timeout(30_000);
    running = await run([identityService, notificationsService, edgeService], {
      NATS_URL: natsUrl(),
      DATABASE_URL: databaseUrl(),
      HTTP_PORT: "0",
      LOG_LEVEL: "silent",
      SHUTDOWN_GRACE_MS: "1000",
      TRUST_PROXY: "true",
      RATE_LIMIT_AUTH_PER_MINUTE: "5",
    });
    base = running.url;
  });
  after(async function () {
    this.timeout(20_000);
    await running?.stop();
  });

  it("uses a generated client that matches the current OpenAPI document (regenerate: npx node test/e2e/client.ts)", async () => {
    expect(readFileSync(GENERATED, "utf8")).to.equal(await generateClientTypes());
  });

  it("signs up, logs in and reads its own account with the access token", async () => {
    const api = client();
    const { email, id, accessToken } = await signUp(api);
    const me = await client(accessToken).GET("/v1/me");
    expect(me.response.status).to.equal(200);
    expect(me.data).to.include({ id, email, emailVerified: false });
    expect(me.data!.roles).to.deep.equal(["participant"]);
  });

  it("rotates a refresh token and refuses the retired one", async () => {
    const { refreshToken } = await signUp();
    const api = client();
    const next = await api.POST("/v1/auth/refresh", { body: { refreshToken } });
    expect(next.response.status).to.equal(200);
    expect(next.data!.refreshToken).to.not.equal(refreshToken);
    const reused = await api.POST("/v1/auth/refresh", { body: { refreshToken } });
    expect(reused.response.status).to.equal(401);
  });

  it("refuses bad input with 400 problem+json naming the field", async () => {
    const res = await client().POST("/v1/auth/register", { body: { email: "not-an-email", password, displayName: "Ada" } });
    expect(res.response.status).to.equal(400);
    expect(res.response.headers.get("content-type")).to.match(/^application\/problem\+json/);
    expect(res.error).to.deep.include({ code: "invalid_request", status: 400 });
    expect(res.error!.errors).to.deep.equal([{ field: "email", message: 'must match format "email"' }]);
  });

  it("answers 401 without a token and with a forged one", async () => {
    const none = await client().GET("/v1/me");
    expect(none.response.status).to.equal(401);
    expect(none.error!.code).to.equal("unauthenticated");
    const { accessToken } = await signUp();
    const [h, p] = accessToken.split(".");
    const forged = await client(`${h}.${p}.${"A".repeat(86)}`).GET("/v1/me");
    expect(forged.response.status).to.equal(401);
  });

  it("answers 403 to a participant on an admin route", async () => {
    const { accessToken } = await signUp();
    const res = await client(accessToken).GET("/v1/admin/notifications/dead-letters", { params: { query: { limit: 5 } } });
    expect(res.response.status).to.equal(403);
    expect(res.error!.code).to.equal("forbidden");
  });

  it("rate limits logins from one IP: 429 with Retry-After", async () => {
    const api = client();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await api.POST("/v1/auth/login", { body: { email: newEmail(), password: "wrong password" } });
      statuses.push(res.response.status);
      if (res.response.status === 429) retryAfter = res.response.headers.get("retry-after");
    }
    expect(statuses.slice(0, 5)).to.not.include(429);
    expect(statuses.slice(5)).to.deep.equal([429, 429]);
    expect(Number(retryAfter)).to.be.within(1, 60);
  });

  it("replays a sign-up sent twice with the same Idempotency-Key, and refuses the key with another body", async () => {
    const api = client();
    const key = randomUUID();
    const body = { email: newEmail(), password, displayName: "Grace" };
    const first = await api.POST("/v1/auth/register", { body, params: { header: { "Idempotency-Key": key } } });
    const second = await api.POST("/v1/auth/register", { body, params: { header: { "Idempotency-Key": key } } });
    expect(first.response.status).to.equal(201);
    expect(second.response.status).to.equal(201);
    expect(second.response.headers.get("idempotent-replayed")).to.equal("true");
    expect(second.data).to.deep.equal(first.data);
    const other = await api.POST("/v1/auth/register", { body: { ...body, email: newEmail() }, params: { header: { "Idempotency-Key": key } } });
    expect(other.response.status).to.equal(422);
    // without the key the same sign-up is a conflict: it was done once
    const again = await api.POST("/v1/auth/register", { body });
    expect(again.response.status).to.equal(409);
  });

  it("delivers a new inbox item to the user's live stream (SSE)", async () => {
    const { id, accessToken } = await signUp();
    const stream = await openSse(`${base}/v1/me/notifications/stream`, { Authorization: `Bearer ${accessToken}`, "X-Forwarded-For": newIp() });
    try {
      expect(stream.status).to.equal(200);
      const item: LiveInboxItem = { id: "1", sourceId: randomUUID(), kind: "event_published", title: "NATS conf", body: "A new event", link: "/events/1", createdAt: new Date().toISOString() };
      await new Promise((r) => setTimeout(r, 50));
      // What the notifications service publishes for each new inbox item.
      running.nats.nc.publish(liveInboxSubject(id), JSON.stringify(item));
      const [ev] = await stream.take(1);
      expect(ev.id).to.equal("1");
      expect(JSON.parse(ev.data)).to.deep.equal(item);
    } finally {
      stream.close();
    }
  });

  it("lists a new user's empty inbox and unread count through the notifications service", async () => {
    const { accessToken } = await signUp();
    const api = client(accessToken);
    const list = await api.GET("/v1/me/notifications", { params: { query: { limit: 500 } } });
    expect(list.response.status, JSON.stringify(list.error)).to.equal(200);
    expect(list.data).to.deep.equal({ items: [], nextCursor: null });
    const count = await api.GET("/v1/me/notifications/unread-count");
    expect(count.data).to.deep.equal({ unread: 0 });
    const bad = await api.POST("/v1/me/notifications/{id}/read", { params: { path: { id: "abc" } } });
    expect(bad.response.status).to.equal(400);
    expect(bad.error!.errors![0].field).to.equal("id");
  });

  it("serves its OpenAPI document and docs page", async () => {
    const doc = await fetch(`${base}/v1/openapi.json`);
    expect(doc.status).to.equal(200);
    expect(((await doc.json()) as { openapi: string }).openapi).to.equal("3.1.0");
    const page = await fetch(`${base}/docs`);
    expect(await page.text()).to.contain("/v1/auth/register");
  });
});
