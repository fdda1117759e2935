import { type Static, Type } from "@sinclair/typebox";
import { ProxyEnv } from "../kit/config.ts";

export const EdgeEnv = Type.Object({
  JWT_ISSUER: Type.String({ default: "convene", description: "Expected iss of access tokens (identity signs with the same value)." }),
  JWT_AUDIENCE: Type.String({ default: "convene-api", description: "Expected aud of access tokens (identity signs with the same value)." }),
  CORS_ORIGINS: Type.String({
    default: "",
    description: "Browser origins allowed to call the API, comma separated (e.g. https://app.example.org); empty = none, * = any.",
  }),
  ...ProxyEnv,
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 102_400, description: "Largest accepted JSON body; larger gets 413." }),
  RATE_LIMIT_IP_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 600,
    description: "Requests per minute per client IP (shared by all edge replicas through NATS KV).",
  }),
  RATE_LIMIT_USER_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 600,
    description: "Requests per minute per signed-in user (shared by all edge replicas through NATS KV).",
  }),
  RATE_LIMIT_AUTH_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 20,
    description: "POSTs to /v1/auth/* per minute per client IP (shared by all edge replicas through NATS KV).",
  }),
  UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 5_000, description: "How long the edge waits for a service before answering 504." }),
  READ_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 30_000, description: "Longest a cached public read lives (domain events invalidate it sooner)." }),
  READ_CACHE_MAX_ENTRIES: Type.Integer({ minimum: 0, default: 10_000, description: "Public reads kept in the in-process cache; 0 disables it." }),
  SSE_HEARTBEAT_MS: Type.Integer({
    minimum: 1_000,
    default: 15_000,
    description: "Interval of keep-alive comments on live streams; each also re-checks the stream's token expiry and session.",
  }),
  IDEMPOTENCY_HMAC_KEY: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        "Key of the Idempotency-Key fingerprints (base64 of 32 random bytes, the same on every replica: openssl rand -base64 32). Unset: a random key per process (development; a retry reaching another replica gets 422).",
    }),
  ),
  SSE_MAX_STREAMS_PER_USER: Type.Integer({
    minimum: 1,
    default: 5,
    description: "Live streams one user may hold open on all edge replicas together (counted in the KV bucket EDGE_LIVE_STREAMS); more get 429.",
  }),
  SESSION_CHECK_CACHE_MS: Type.Integer({
    minimum: 0,
    default: 5_000,
    description: "How long the edge trusts identity's answer that a token's session is open (a logout-all takes effect within this).",
  }),
});
export type EdgeEnv = Static<typeof EdgeEnv>;
