/**
 * OWASP API8:2023 Security Misconfiguration: security headers on every answer, CORS only for
 * allow-listed origins, ops endpoints (/readyz, /metrics) never on the public port and never
 * explaining a failure, and no stack or internal detail in errors.
 */
import { expect } from "chai";
import { identityService } from "../../services/identity/index.ts";
import { edgeService } from "../../services/edge/index.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnTs } from "../../services/kit/test/helpers.ts";
import { ensureSecrets } from "../../deploy/local/secrets.ts";
import { databaseUrl, natsEnv } from "../support/env.ts";
import { run } from "../../services/kit/run.ts";
import { ConfigError } from "../../services/kit/config.ts";
import { registry } from "../../services/registry.ts";
import { type Platform, startPlatform } from "./platform.ts";

const MAIN = fileURLToPath(new URL("../../services/main.ts", import.meta.url));

const ALLOWED = "https://app.example.org";

describe("security: misconfiguration (API8)", function () {
  this.timeout(30_000);
  let p: Platform;

  before(async function () {
    this.timeout(30_000);
    p = await startPlatform([identityService, edgeService], { CORS_ORIGINS: ALLOWED });
  });
  after(async function () {
    this.timeout(20_000);
    await p?.stop();
  });

  describe("ops endpoints (finding 14)", () => {
    for (const path of ["/readyz", "/metrics", "/READYZ", "/metrics/", "/readyz?x=1"]) {
      it(`does not serve ${path} on the public port`, async () => {
        const res = await p.fetch(path);
        expect(res.status).to.equal(404);
        const text = await res.text();
        expect(text).to.not.match(/"checks"|"status":"ready"|# HELP|# TYPE/);
      });
    }

    it("serves them on the ops port, and /readyz names a failing check without saying why", async () => {
      expect(p.running.opsUrl).to.not.equal(p.base);
      const ready = await fetch(`${p.running.opsUrl}/readyz`);
      expect(ready.status).to.equal(200);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).to.equal("ready");
      for (const v of Object.values(body.checks)) expect(v).to.be.oneOf(["ok", "failing"]);
      expect((await fetch(`${p.running.opsUrl}/healthz`)).status).to.equal(200);
    });

    it("keeps /healthz on the public port (it says only 'alive')", async () => {
      const res = await p.fetch("/healthz");
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal({ status: "ok" });
    });
  });

  describe("headers", () => {
    for (
      const [what, path, init] of [
        ["a read", "/v1/auth/jwks", {}],
        ["a 404", "/v1/nothing-here", {}],
        ["a 401", "/v1/me", {}],
        ["a 400", "/v1/auth/login", { method: "POST", json: { email: "not-an-email" } }],
      ] as const
    ) {
      it(`sets the security headers on ${what}`, async () => {
        const res = await p.fetch(path, init as RequestInit & { json?: unknown });
        expect(res.headers.get("x-content-type-options")).to.equal("nosniff");
        expect(res.headers.get("x-frame-options")).to.equal("DENY");
        expect(res.headers.get("referrer-policy")).to.equal("no-referrer");
        expect(res.headers.get("content-security-policy")).to.contain("default-src 'none'");
        expect(res.headers.get("x-powered-by")).to.equal(null);
      });
    }

    it("marks answers to signed-in callers no-store", async () => {
      const a = await p.signUp();
      const res = await p.fetch("/v1/me", { token: a.accessToken });
      expect(res.status).to.equal(200);
      expect(res.headers.get("cache-control")).to.equal("no-store");
    });
  });

  describe("CORS", () => {
    it("answers an allow-listed origin's preflight", async () => {
      const res = await p.fetch("/v1/me", {
        method: "OPTIONS",
        headers: { Origin: ALLOWED, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
      });
      expect(res.headers.get("access-control-allow-origin")).to.equal(ALLOWED);
      expect(res.headers.get("access-control-allow-credentials")).to.equal(null);
    });

    for (const origin of ["https://evil.example", "null", `${ALLOWED}.evil.example`, "https://app.example.org:444", "http://app.example.org"]) {
      it(`gives ${origin} no CORS grant`, async () => {
        const pre = await p.fetch("/v1/me", { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "GET" } });
        expect(pre.headers.get("access-control-allow-origin")).to.equal(null);
        const get = await p.fetch("/v1/auth/jwks", { headers: { Origin: origin } });
        expect(get.headers.get("access-control-allow-origin")).to.equal(null);
      });
    }
  });

  describe("development secrets in production mode (finding 9)", () => {
    const production = () => ({ NODE_ENV: "production", ...natsEnv(), DATABASE_URL: databaseUrl(), HTTP_PORT: "0", OPS_PORT: "0", LOG_LEVEL: "silent" });
    const rows: Array<[service: string, variable: string]> = [
      ["identity", "TOTP_ENCRYPTION_KEYS"],
      ["edge", "IDEMPOTENCY_HMAC_KEY"],
      ["notifications", "UNSUBSCRIBE_SECRET"],
      ["web", "WEB_SESSION_SECRET"],
      ["bookings", "BOOKINGS_TICKET_KEY"],
      // Both ends of the sealed link tokens (finding 3).
      ["identity", "LINK_SEALING_KEYS"],
      ["notifications", "LINK_SEALING_KEYS"],
    ];
    const defs = () => registry.filter((d) => rows.some(([s]) => s === d.name));

    it("refuses to start with a development secret, naming every one, before connecting to anything", async () => {
      const err = await run(defs(), { ...production(), NATS_URL: "nats://127.0.0.1:1" }, { listen: false }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err, "the boot failed").to.be.instanceOf(ConfigError);
      for (const [, variable] of rows) expect(err!.message).to.contain(variable);
    });

    it("the process exits naming it (services/main.ts)", async function () {
      this.timeout(30_000);
      const child = spawnTs(MAIN, { ...production(), SERVICES: "notifications" });
      const { code } = await child.exited;
      expect(code, child.output()).to.equal(1);
      expect(child.output()).to.contain("UNSUBSCRIBE_SECRET");
    });

    it("with SMS on, refuses the development SMS_CODE_SECRET and a missing TWILIO_AUTH_TOKEN, before connecting", async () => {
      const secrets = ensureSecrets(join(mkdtempSync(join(tmpdir(), "convene-secrets-")), "secrets.env"));
      const sms = { TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_FROM: "+15005550006" };
      const err = await run(registry.filter((d) => d.name === "notifications"), { ...production(), ...secrets, ...sms, NATS_URL: "nats://127.0.0.1:1" }, {
        listen: false,
      }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err, "the boot failed").to.be.instanceOf(ConfigError);
      expect(err!.message).to.contain("SMS_CODE_SECRET").and.to.contain("TWILIO_AUTH_TOKEN");
      expect(err!.message).to.not.contain("UNSUBSCRIBE_SECRET");
    });

    it("starts with the secrets make up generates", async function () {
      this.timeout(60_000);
      const secrets = ensureSecrets(join(mkdtempSync(join(tmpdir(), "convene-secrets-")), "secrets.env"));
      for (const [, variable] of rows) expect(secrets[variable], variable).to.be.a("string").with.length.above(30);
      const running = await run(defs(), { ...production(), ...secrets }, { listen: false });
      await running.stop();
    });
  });

  it("never leaks a stack, a query or a library message in an error", async () => {
    const res = await p.fetch("/v1/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(res.status).to.equal(400);
    const text = await res.text();
    expect(text).to.not.match(/at .*\.ts:\d+|SyntaxError|Unexpected token|node_modules/);
  });
});
