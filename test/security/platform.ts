/**
 * The platform the security suite attacks: real services in this process on the run's NATS and
 * Postgres, the edge listening on a loopback port. Access tokens are signed with a key the test
 * holds (JWT_PRIVATE_KEYS_FILE), so a row can forge a token that differs from a real one in exactly
 * one claim. Each client speaks from its own IP (the edge trusts one X-Forwarded-For hop here), so
 * per-IP limits of one row never touch another.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { expect } from "chai";
import { run, type Running } from "../../services/kit/run.ts";
import type { ServiceDefinition } from "../../services/kit/service.ts";
import type { Logger } from "../../services/kit/log.ts";
import { databaseUrl, natsEnv, testNats } from "../support/env.ts";

export const PASSWORD = "correct horse battery staple";
export const ISSUER = "convene";
export const AUDIENCE = "convene-api";

// The run's edges share one rate-limit bucket: start this file's addresses somewhere random.
let ipCounter = Math.floor(Math.random() * 60_000);
/** A fresh client address per call (TEST-NET-2). */
export function newIp(): string {
  ipCounter = (ipCounter + 1) % 62_500;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export type Platform = {
  running: Running;
  base: string;
  /** The private key identity signs with (its kid is `kid`). */
  signingKey: CryptoKey;
  kid: string;
  publicJwk: JWK;
  fetch(path: string, init?: RequestInit & { token?: string; ip?: string; json?: unknown }): Promise<Response>;
  /** Registers and logs in a new participant. */
  signUp(opts?: { email?: string; ip?: string }): Promise<Account>;
  /** Signs an access token like identity does, with overrides. */
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>, opts?: { key?: CryptoKey | Uint8Array; exp?: number }): Promise<string>;
  stop(): Promise<void>;
};

export type Account = { id: string; email: string; accessToken: string; refreshToken: string; ip: string; sid: string };

/** The claims of a JWT, unverified. */
export const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()) as Record<string, unknown> & { sid: string; exp: number };

export const newEmail = () => `sec+${randomUUID()}@example.org`;

export async function startPlatform(defs: ServiceDefinition[], env: Record<string, string> = {}, opts: { log?: Logger } = {}): Promise<Platform> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `sec-${randomUUID().slice(0, 8)}`;
  const dir = mkdtempSync(join(tmpdir(), "convene-sec-"));
  const keysFile = join(dir, "keys.json");
  writeFileSync(keysFile, JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid, alg: "ES256" }] }));
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256" };
  const started = await run(defs, {
    ...natsEnv(),
    DATABASE_URL: databaseUrl(),
    HTTP_PORT: "0",
    OPS_PORT: "0",
    LOG_LEVEL: "silent",
    SHUTDOWN_GRACE_MS: "1000",
    TRUST_PROXY: "true",
    JWT_PRIVATE_KEYS_FILE: keysFile,
    // Every request asks identity whether the token's session is open: revocation rows see it at once.
    SESSION_CHECK_CACHE_MS: "0",
    ...env,
  }, { log: opts.log });
  // Services run as their own NATS users; what the tests read and publish goes over the test
  // superuser's connection (which also mints principals as the edge would).
  const client = await testNats("security-platform");
  const running: Running = { ...started, nats: client };
  const base = running.url;
  const doFetch: Platform["fetch"] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("X-Forwarded-For", init.ip ?? newIp());
    if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    return fetch(`${base}${path}`, { ...init, headers, body });
  };
  return {
    running,
    base,
    signingKey: privateKey,
    kid,
    publicJwk,
    fetch: doFetch,
    async signUp(opts = {}) {
      const email = opts.email ?? newEmail();
      const ip = opts.ip ?? newIp();
      const reg = await doFetch("/v1/auth/register", { method: "POST", ip, json: { email, password: PASSWORD, displayName: "Sec" } });
      expect(reg.status, await reg.clone().text()).to.equal(201);
      const { id } = (await reg.json()) as { id: string };
      const login = await doFetch("/v1/auth/login", { method: "POST", ip, json: { email, password: PASSWORD } });
      expect(login.status, await login.clone().text()).to.equal(200);
      const tokens = (await login.json()) as { accessToken: string; refreshToken: string };
      return { id, email, ip, ...tokens, sid: claimsOf(tokens.accessToken).sid };
    },
    sign(claims, header = {}, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: ISSUER, aud: AUDIENCE, iat: now, exp: opts.exp ?? now + 300, roles: ["participant"], sid: randomUUID(), ...claims };
      return new SignJWT(payload).setProtectedHeader({ alg: "ES256", kid, typ: "at+jwt", ...header } as { alg: string }).sign(opts.key ?? privateKey);
    },
    stop: async () => {
      await client.nc.close();
      await started.stop();
    },
  };
}

/** A problem+json body, parsed. */
export async function problemOf(res: Response): Promise<{ code: string; detail: string; status: number; details?: Record<string, unknown> }> {
  expect(res.headers.get("content-type") ?? "").to.match(/^application\/problem\+json/);
  return (await res.json()) as { code: string; detail: string; status: number; details?: Record<string, unknown> };
}
