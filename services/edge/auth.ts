/**
 * Access tokens: koa-jwt verifies them (ES256 only, iss, aud) against identity's public keys,
 * fetched over NATS (svc.identity.keys.list) instead of HTTP. Keys are cached by kid; a token with an
 * unknown kid triggers one refetch (coalesced, and at most one per `minRefreshMs`, 1 s), so a key
 * rotation needs no restart and a flood of forged kids cannot hammer identity.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import type Koa from "koa";
import koaJwt from "koa-jwt";
import type { NatsConnection } from "@nats-io/nats-core";
import { call } from "../kit/call.ts";
import { AppError } from "../kit/errors.ts";
import { identity } from "../../subjects/identity.ts";
import { Principal } from "../../subjects/principal.ts";
import { check } from "../kit/validate.ts";

/** RFC 9068 access tokens say so in their header. */
const ACCESS_TOKEN_TYPES = new Set(["at+jwt", "application/at+jwt"]);

export type KeyProvider = {
  /** The public key for a token header; throws when the header is not an access token's. */
  keyFor(header: { alg?: string; kid?: string; typ?: string }): Promise<KeyObject>;
};

export function jwksOverNats(nc: NatsConnection, opts: { minRefreshMs?: number; timeoutMs?: number } = {}): KeyProvider {
  const minRefreshMs = opts.minRefreshMs ?? 1_000;
  let keys = new Map<string, KeyObject>();
  let fetchedAt = 0;
  let inFlight: Promise<void> | undefined;

  const refresh = () => (inFlight ??= (async () => {
    try {
      const jwks = await call(nc, identity.keysList, {}, { timeoutMs: opts.timeoutMs ?? 2_000 });
      const next = new Map<string, KeyObject>();
      for (const jwk of jwks.keys) {
        if (jwk.alg !== "ES256" || jwk.kty !== "EC") continue;
        next.set(jwk.kid, createPublicKey({ key: jwk as JsonWebKey, format: "jwk" }));
      }
      keys = next;
      fetchedAt = Date.now();
    } finally {
      inFlight = undefined;
    }
  })());

  return {
    async keyFor(header) {
      if (header.alg !== "ES256") throw new Error("only ES256 tokens are accepted");
      if (!header.typ || !ACCESS_TOKEN_TYPES.has(header.typ)) throw new Error("not an access token (typ must be at+jwt)");
      if (!header.kid) throw new Error("token has no kid");
      let key = keys.get(header.kid);
      if (!key && (fetchedAt === 0 || Date.now() - fetchedAt >= minRefreshMs || inFlight)) {
        await refresh();
        key = keys.get(header.kid);
      }
      if (!key) throw new Error("unknown signing key");
      return key;
    },
  };
}

/**
 * The koa-jwt middleware of user routes; the verified claims land in ctx.state.jwt. An ES256
 * verification costs ~100 µs of CPU, so a verified token's claims are remembered (by the whole
 * token string) until it expires, at most `cacheMs`: a client sending the same token again skips it.
 */
export function verifyAccessToken(
  keys: KeyProvider,
  opts: { issuer: string; audience: string; allowQueryToken?: boolean; cacheMs?: number; cacheMax?: number },
): Koa.Middleware {
  const cacheMs = opts.cacheMs ?? 60_000;
  const cacheMax = opts.cacheMax ?? 10_000;
  const verified = new Map<string, { claims: unknown; until: number }>();
  const jwt = koaJwt({
    // jsonwebtoken 9 accepts a KeyObject; koa-jwt's types only name strings and Buffers.
    secret: async (header: { alg?: string; kid?: string; typ?: string }) => (await keys.keyFor(header)) as unknown as Buffer,
    algorithms: ["ES256"],
    issuer: opts.issuer,
    audience: opts.audience,
    key: "jwt",
    tokenKey: "token",
    // Off: jsonwebtoken's messages tell a forger which check failed ("jwt audience invalid").
    debug: false,
    // EventSource cannot send headers: the SSE stream also takes ?access_token=.
    getToken: opts.allowQueryToken ? (ctx) => (typeof ctx.query.access_token === "string" ? ctx.query.access_token : null) : undefined,
  }) as Koa.Middleware;
  return async (ctx, next) => {
    const auth = ctx.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
    const now = Date.now();
    const hit = token ? verified.get(token) : undefined;
    if (hit && hit.until > now) {
      ctx.state.jwt = hit.claims;
      return next();
    }
    return jwt(ctx, async () => {
      const t = ctx.state.token as string | undefined;
      const exp = Number((ctx.state.jwt as { exp?: unknown } | undefined)?.exp) * 1000;
      if (t && t === token && Number.isFinite(exp)) {
        if (verified.size >= cacheMax) verified.delete(verified.keys().next().value as string);
        verified.set(t, { claims: ctx.state.jwt, until: Math.min(exp, now + cacheMs) });
      }
      await next();
    });
  };
}

/** The principal of verified claims; roles are whatever identity put in the token. */
export function principalOf(claims: unknown): Principal {
  const c = claims as { sub?: unknown; roles?: unknown };
  try {
    return check(Principal, { sub: c?.sub, roles: c?.roles });
  } catch {
    throw new AppError("unauthenticated", "access token carries no valid subject and roles");
  }
}
