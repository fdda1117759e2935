/**
 * OpenID Connect relying party: providers from OIDC_PROVIDERS, discovery cached per issuer,
 * authorization code + PKCE S256, the ID token verified (signature by the provider's JWKS, iss,
 * aud, exp, nonce), claims topped up from userinfo when the ID token leaves them out.
 */
import { type Static, Type } from "@sinclair/typebox";
import { createRemoteJWKSet, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from "jose";
import { check } from "../kit/validate.ts";
import { AppError, badRequest } from "../kit/errors.ts";

export const OidcProviderConfig = Type.Object(
  {
    id: Type.String({ pattern: "^[a-z0-9-]{1,64}$", description: "Provider id used in oidc.start." }),
    name: Type.Optional(Type.String({ description: "Name shown on the sign-in button; default: the id." })),
    issuer: Type.String({ format: "uri", description: "Issuer URL; discovery is read from <issuer>/.well-known/openid-configuration." }),
    clientId: Type.String({ minLength: 1 }),
    clientSecret: Type.String({ minLength: 1 }),
    redirectUri: Type.String({ format: "uri", description: "The edge's callback URL registered with the provider." }),
    scopes: Type.Optional(Type.String({ description: "Space separated; default: openid email profile." })),
  },
  { additionalProperties: false },
);
export type OidcProviderConfig = Static<typeof OidcProviderConfig>;

/** Parses OIDC_PROVIDERS; a malformed value stops the boot naming the variable. */
export function parseProviders(raw: string | undefined): OidcProviderConfig[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error("OIDC_PROVIDERS: is not valid JSON");
  }
  try {
    return check(Type.Array(OidcProviderConfig), value);
  } catch (err) {
    throw new Error(`OIDC_PROVIDERS: ${(err as Error).message}`);
  }
}

type Discovery = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string; userinfo_endpoint?: string };

export type Claims = { sub: string; email?: string; emailVerified: boolean; name?: string };

export type OidcClient = {
  providers: OidcProviderConfig[];
  provider(id: string): OidcProviderConfig;
  authorizationUrl(p: OidcProviderConfig, params: { state: string; nonce: string; codeChallenge: string }): Promise<string>;
  /** Exchanges the code and returns the verified claims. */
  exchange(p: OidcProviderConfig, params: { code: string; codeVerifier: string; nonce: string }): Promise<Claims>;
};

export function oidcClient(providers: OidcProviderConfig[], opts: { timeoutMs?: number } = {}): OidcClient {
  const timeout = opts.timeoutMs ?? 10_000;
  const discoveries = new Map<string, Promise<Discovery>>();
  const keySets = new Map<string, JWTVerifyGetKey>();

  const discover = (p: OidcProviderConfig) => {
    let d = discoveries.get(p.id);
    if (!d) {
      d = (async () => {
        const res = await fetch(new URL(".well-known/openid-configuration", p.issuer.endsWith("/") ? p.issuer : `${p.issuer}/`), {
          signal: AbortSignal.timeout(timeout),
        });
        if (!res.ok) throw new Error(`discovery answered ${res.status}`);
        return (await res.json()) as Discovery;
      })();
      // A failed discovery is retried by the next sign-in rather than cached.
      d.catch(() => discoveries.delete(p.id));
      discoveries.set(p.id, d);
    }
    return d.catch((err: unknown) => {
      throw new AppError("unavailable", `the sign-in provider ${p.id} cannot be reached`, { cause: err });
    });
  };

  return {
    providers,
    provider(id) {
      const p = providers.find((x) => x.id === id);
      if (!p) throw badRequest(`provider: unknown sign-in provider ${id}`, [{ field: "provider", message: "is not configured" }]);
      return p;
    },
    async authorizationUrl(p, params) {
      const d = await discover(p);
      const url = new URL(d.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: "code",
        client_id: p.clientId,
        redirect_uri: p.redirectUri,
        scope: p.scopes ?? "openid email profile",
        state: params.state,
        nonce: params.nonce,
        code_challenge: params.codeChallenge,
        code_challenge_method: "S256",
      }).toString();
      return url.toString();
    },
    async exchange(p, params) {
      const d = await discover(p);
      const basic = Buffer.from(`${encodeURIComponent(p.clientId)}:${encodeURIComponent(p.clientSecret)}`).toString("base64");
      const res = await fetch(d.token_endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}`, accept: "application/json" },
        body: new URLSearchParams({ grant_type: "authorization_code", code: params.code, redirect_uri: p.redirectUri, code_verifier: params.codeVerifier }),
        signal: AbortSignal.timeout(timeout),
      }).catch((err: unknown) => {
        throw new AppError("unavailable", `the sign-in provider ${p.id} cannot be reached`, { cause: err });
      });
      const body = (await res.json().catch(() => ({}))) as { id_token?: string; access_token?: string; error?: string };
      if (!res.ok || !body.id_token) throw new AppError("unauthenticated", `the sign-in provider refused the code (${body.error ?? res.status})`);
      let keys = keySets.get(d.jwks_uri);
      if (!keys) keySets.set(d.jwks_uri, keys = createRemoteJWKSet(new URL(d.jwks_uri)));
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(body.id_token, keys, {
          issuer: d.issuer,
          audience: p.clientId,
          algorithms: ["RS256", "PS256", "ES256", "ES384", "EdDSA"],
        }));
      } catch (err) {
        throw new AppError("unauthenticated", "the ID token from the sign-in provider did not verify", { cause: err });
      }
      if (payload.nonce !== params.nonce) throw new AppError("unauthenticated", "the ID token does not answer this sign-in (nonce)");
      let claims: Record<string, unknown> = payload;
      if (payload.email === undefined && d.userinfo_endpoint && body.access_token) {
        const info = await fetch(d.userinfo_endpoint, {
          headers: { authorization: `Bearer ${body.access_token}`, accept: "application/json" },
          signal: AbortSignal.timeout(timeout),
        });
        const extra = info.ok ? ((await info.json()) as Record<string, unknown>) : {};
        // Userinfo answers for the same subject or not at all (OIDC Core 5.3.2).
        if (extra.sub === payload.sub) claims = { ...extra, ...payload };
      }
      return {
        sub: String(payload.sub),
        email: typeof claims.email === "string" ? claims.email : undefined,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === "string" ? claims.name : undefined,
      };
    },
  };
}
