/**
 * OWASP API4:2023 Unrestricted Resource Consumption, through the edge: bodies and pages have a
 * ceiling, and the per-IP auth limit holds whatever the path's case or encoding and however many
 * addresses of one IPv6 /64 the client uses.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { clientBucket } from "../../services/kit/client-ip.ts";
import { routes } from "../../services/edge/routes/index.ts";
import { coerce, fieldSchema } from "../../services/edge/routes/route.ts";
import { openSse } from "../../services/edge/test/sse-client.ts";
import { newIp, type Platform, problemOf, startPlatform } from "./platform.ts";
import { run, type Running } from "../../services/kit/run.ts";
import { databaseUrl, natsEnv } from "../support/env.ts";

const AUTH_LIMIT = 3;

describe("security: unrestricted resource consumption (API4)", function () {
  this.timeout(30_000);
  let p: Platform;
  let second: Running;

  before(async function () {
    this.timeout(30_000);
    p = await startPlatform([identityService, edgeService], { RATE_LIMIT_AUTH_PER_MINUTE: String(AUTH_LIMIT), BODY_LIMIT_BYTES: "4096" });
    // A second replica of the edge on the same NATS, as a deployment runs them.
    second = await run([edgeService], {
      ...natsEnv(),
      DATABASE_URL: databaseUrl(),
      HTTP_PORT: "0",
      OPS_PORT: "0",
      LOG_LEVEL: "silent",
      SHUTDOWN_GRACE_MS: "1000",
      TRUST_PROXY: "true",
      SESSION_CHECK_CACHE_MS: "0",
    });
  });
  after(async function () {
    this.timeout(20_000);
    await second?.stop();
    await p?.stop();
  });

  it("refuses a body over the limit with 413", async () => {
    const res = await p.fetch("/v1/auth/login", { method: "POST", json: { email: "a@example.org", password: "x".repeat(10_000) } });
    expect(res.status).to.equal(413);
    expect((await problemOf(res)).code).to.equal("payload_too_large");
  });

  it("clamps a page size to the contract's maximum on every route with one", async () => {
    for (const r of routes) {
      if (!r.input.query?.includes("limit")) continue;
      const max = (fieldSchema(r.contract.request, "limit") as { maximum?: number } | undefined)?.maximum;
      expect(max, `${r.method} ${r.path}: limit has a maximum`).to.be.a("number").and.at.most(1000);
      expect(coerce(fieldSchema(r.contract.request, "limit"), "100000", true)).to.equal(max);
    }
    const res = await p.fetch(`/v1/users/${randomUUID()}/followers?limit=100000`);
    expect(res.status, await res.clone().text()).to.equal(404);
  });

  const refresh = (path: string, ip: string) => p.fetch(path, { method: "POST", ip, json: { refreshToken: "x".repeat(40) } });

  for (const path of ["/V1/AUTH/REFRESH", "/v1/Auth/Refresh", "/v1/auth/REFRESH", "/v1/auth/%72efresh", "/v1/auth/refresh/", "/v1//auth/refresh"]) {
    it(`counts ${path} against the auth limit or does not route it (finding 7)`, async () => {
      const ip = newIp();
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_LIMIT + 2; i++) statuses.push((await refresh(path, ip)).status);
      // Either the variant is no route at all (404), or it is the route and the limit holds.
      const routed = statuses.filter((s) => s !== 404);
      if (routed.length) expect(statuses.slice(AUTH_LIMIT), `statuses ${statuses.join(",")}`).to.deep.equal([429, 429]);
      if (!routed.length) return;
      // Mixing the variant with the real path shares one budget.
      const ip2 = newIp();
      const mixed: number[] = [];
      for (let i = 0; i < AUTH_LIMIT; i++) mixed.push((await refresh(i % 2 ? path : "/v1/auth/refresh", ip2)).status);
      expect((await refresh("/v1/auth/refresh", ip2)).status, `after ${mixed.join(",")}`).to.equal(429);
    });
  }

  it("caps live streams per user (finding 13)", async () => {
    const a = await p.signUp();
    const headers = { Authorization: `Bearer ${a.accessToken}`, "X-Forwarded-For": newIp() };
    const streams = [];
    try {
      for (let i = 0; i < 5; i++) streams.push(await openSse(`${p.base}/v1/me/notifications/stream`, headers));
      expect(streams.map((s) => s.status)).to.deep.equal([200, 200, 200, 200, 200]);
      const sixth = await openSse(`${p.base}/v1/me/notifications/stream`, headers);
      expect(sixth.status).to.equal(429);
      // Another replica of the edge counts the same streams: no sixth there either.
      const elsewhere = await openSse(`${second.url}/v1/me/notifications/stream`, headers);
      expect(elsewhere.status).to.equal(429);
      streams[0].close();
      await streams[0].closed;
      // The server frees the slot when it sees the socket close, for every replica.
      let again = await openSse(`${second.url}/v1/me/notifications/stream`, headers);
      for (let i = 0; again.status === 429 && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 20));
        again = await openSse(`${second.url}/v1/me/notifications/stream`, headers);
      }
      expect(again.status).to.equal(200);
      streams.push(again);
    } finally {
      for (const s of streams) s.close();
    }
  });

  it("keys IPv6 clients by their /64 (finding 1)", async () => {
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_LIMIT + 1; i++) statuses.push((await refresh("/v1/auth/refresh", `${prefix}::${(i + 1).toString(16)}`)).status);
    expect(statuses.at(-1), `statuses ${statuses.join(",")}`).to.equal(429);
    expect(clientBucket(`${prefix}:1:2:3:4`)).to.equal(clientBucket(`${prefix}::ffff`));
    expect(clientBucket("2001:db8::1")).to.not.equal(clientBucket("2001:db8:0:1::1"));
    expect(clientBucket("::ffff:192.0.2.1")).to.equal("192.0.2.1");
  });

  it("keys identity's own login throttle by IPv6 /64 too", async () => {
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const { ipKey } = await import("../../services/identity/throttle.ts");
    expect(ipKey(`${prefix}::1`)).to.equal(ipKey(`${prefix}::abcd`));
    expect(ipKey("192.0.2.7")).to.equal("ip:192.0.2.7");
  });
});
