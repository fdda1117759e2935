/**
 * Environment, declared as a schema and validated at boot. A missing or malformed variable stops
 * the process with a message naming it, instead of failing later at the first use.
 */
import process from "node:process";
import { Ajv } from "ajv";
import { type Static, type TObject, Type } from "@sinclair/typebox";
import { addFormats, fieldErrors } from "./validate.ts";

// Environment variables are strings: this ajv coerces them to the declared types and fills defaults.
const envAjv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true }));

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function loadConfig<S extends TObject>(schema: S, env: Record<string, string | undefined> = process.env): Static<S> {
  const keys = Object.keys(schema.properties);
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== "") picked[key] = value;
  }
  const validate = envAjv.compile(schema);
  if (validate(picked)) return picked as Static<S>;
  const problems = fieldErrors(validate.errors).map((e) => `${e.field} ${e.message}`);
  throw new ConfigError(`invalid environment: ${problems.join("; ")}`);
}

/** Variables every process reads. Services add their own beside these. */
export const KitEnv = Type.Object({
  NATS_URL: Type.String({ default: "nats://127.0.0.1:4222", description: "NATS server(s), comma separated." }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: "^postgres(ql)?://", description: "Postgres; when unset each service uses an embedded PGlite under DATA_DIR." }),
  ),
  DATA_DIR: Type.String({ default: "./.data", description: "Where embedded databases live." }),
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080, description: "Port of the public HTTP front (edge API, web app; /healthz too)." }),
  OPS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description:
        "Port of the ops endpoints (/healthz, /readyz, /metrics), never exposed publicly; unset = a free port chosen at start and logged (the image, the chart and make up set 9090).",
    }),
  ),
  SERVICES: Type.String({ default: "all", description: "Services this process runs: all, or a comma list." }),
  LOG_LEVEL: Type.Union([
    Type.Literal("trace"),
    Type.Literal("debug"),
    Type.Literal("info"),
    Type.Literal("warn"),
    Type.Literal("error"),
    Type.Literal("silent"),
  ], { default: "info", description: "Log level of the JSON logs on stdout." }),
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, default: 25_000, description: "How long in-flight work may take after SIGTERM." }),
  KIT_FAST_PATH: Type.Union([Type.Literal("on"), Type.Literal("off")], {
    default: "on",
    description:
      "off: the stock OpenTelemetry SDK and nats.js instead of the kit's fast paths (spans, ids, headers, histograms, trace context; kit/fast-path.ts), to measure what they save.",
  }),
  TIMERS_POLL_MS: Type.Integer({
    minimum: 10,
    default: 1_000,
    description:
      "Longest wait between two looks for due durable timers; scheduling a sooner timer wakes the poller at once (NOTIFY on Postgres, in process on PGlite).",
  }),
  // Retention (kit/retention.ts, subjects/streams.ts). Whole days: every limit stays far above
  // JetStream's 2 h duplicate window and the minutes a failing message is redelivered for.
  EVENTS_MAX_AGE_DAYS: Type.Integer({
    minimum: 1,
    default: 30,
    description: "Days the EVENTS stream keeps a domain event (a new projection can replay this far back).",
  }),
  WORK_MAX_AGE_DAYS: Type.Integer({ minimum: 1, default: 7, description: "Days the WORK stream keeps a job." }),
  DEAD_LETTERS_MAX_AGE_DAYS: Type.Integer({
    minimum: 1,
    default: 30,
    description: "Days the DEAD_LETTERS stream keeps a dead letter for inspection and replay.",
  }),
  RETAIN_OUTBOX_DAYS: Type.Integer({
    minimum: 1,
    default: 3,
    description: "Days a published outbox row is kept (for tracing) before it is deleted; unpublished rows are never deleted.",
  }),
  RETAIN_PROCESSED_DAYS: Type.Integer({
    minimum: 1,
    default: 31,
    description:
      "Days a consumer's processed-message marker is kept; at least EVENTS_MAX_AGE_DAYS and WORK_MAX_AGE_DAYS, so a message still in a stream always finds its marker.",
  }),
  RETENTION_SWEEP_MS: Type.Integer({ minimum: 1_000, default: 600_000, description: "How often each service deletes rows past their retention." }),
  NATS_NKEY_SEEDS: Type.Optional(
    Type.String({
      description:
        "NATS nkey seeds (SU…) of the services this process runs, as service:seed pairs, comma separated; each service connects with its own nkey, whose public key deploy/nats-conf.ts gives the permissions of its definition. make up writes them into ./.data/secrets.env. Required in production (or NATS_NKEY_SEED).",
    }),
  ),
  NATS_NKEY_SEED: Type.Optional(
    Type.String({
      description:
        "NATS nkey seed for services without an entry in NATS_NKEY_SEEDS (a pod running one service: its own; the chart sets it from the Secret convene-nats-nkeys).",
    }),
  ),
  NATS_TLS_CA_FILE: Type.Optional(
    Type.String({
      description:
        "PEM file of the CA that signed the NATS server's certificate: the connection then requires TLS and trusts that CA (production: the chart mounts it from global.natsTls.secret). A tls:// NATS_URL requires TLS too, trusting the system's CAs.",
    }),
  ),
  NATS_TLS_CERT_FILE: Type.Optional(
    Type.String({ description: "PEM certificate this process presents to a NATS server that verifies clients (mutual TLS), with NATS_TLS_KEY_FILE." }),
  ),
  NATS_TLS_KEY_FILE: Type.Optional(Type.String({ description: "PEM private key of NATS_TLS_CERT_FILE." })),
  NATS_STREAMS_NKEY_SEED: Type.Optional(
    Type.String({
      description:
        "Seed of the NATS user that creates and updates the platform's streams (EVENTS, WORK, DEAD_LETTERS; services may not): a process holding it ensures them at boot (the migrations job, make up, tests). Without it a service waits up to STREAMS_WAIT_SECONDS for them to exist.",
    }),
  ),
  STREAMS_WAIT_SECONDS: Type.Integer({
    minimum: 0,
    default: 120,
    description:
      "How long a service without NATS_STREAMS_NKEY_SEED waits at boot for the platform's streams before it gives up (the migrations job creates them).",
  }),
  NODE_ENV: Type.Optional(
    Type.String({
      description: "production (the image sets it): the process refuses to start without the keys and credentials below instead of making development ones.",
    }),
  ),
  // kit/principal-token.ts: the edge signs the principal it forwards; services verify it.
  PRINCIPAL_SIGNING_KEY: Type.Optional(
    Type.String({
      description:
        "Where the edge runs: its Ed25519 private key (base64 PKCS#8 DER) signing the principals services trust. Unset outside production: a key pair made at start (only services in the same process then trust the edge). make up writes one into ./.data/secrets.env.",
    }),
  ),
  PRINCIPAL_VERIFY_KEYS: Type.Optional(
    Type.String({
      description:
        "Every service: the edge's Ed25519 public key(s) (base64 SPKI DER), comma separated, the current one first (add the new key here before the edge signs with it). Required in production.",
    }),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ description: "OTLP/HTTP endpoint for traces; unset = no export." })),
  OTEL_SERVICE_NAME: Type.Optional(Type.String({ description: "service.name of traces and metrics; default convene-<services>." })),
  // Read by the OpenTelemetry SDK itself; declared so a typo stops the boot instead of silently
  // recording every span (recording all of them costs ~30% of request-reply throughput, bench/rpc.ts).
  OTEL_TRACES_SAMPLER: Type.Optional(
    Type.Union(
      ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio"].map((v) => Type.Literal(v)),
      {
        description:
          "Which requests are traced (OpenTelemetry sampler); unset = parentbased_always_on with an exporter, tracing off without one. Production: parentbased_traceidratio. Without an exporter, always_off keeps trace ids in logs.",
      },
    ),
  ),
  OTEL_TRACES_SAMPLER_ARG: Type.Optional(
    Type.String({ pattern: "^(0(\\.\\d+)?|1(\\.0+)?)$", description: "Ratio for the traceidratio samplers, 0 to 1 (e.g. 0.1)." }),
  ),
});

export type KitEnv = Static<typeof KitEnv>;

/** The kit's variables, checked together: a processed-message marker must outlive its message. */
export function loadKitConfig(env: Record<string, string | undefined> = process.env): KitEnv {
  const kit = loadConfig(KitEnv, env);
  const longest = Math.max(kit.EVENTS_MAX_AGE_DAYS, kit.WORK_MAX_AGE_DAYS);
  if (kit.RETAIN_PROCESSED_DAYS < longest) {
    throw new ConfigError(
      `invalid environment: RETAIN_PROCESSED_DAYS (${kit.RETAIN_PROCESSED_DAYS}) must be at least EVENTS_MAX_AGE_DAYS and WORK_MAX_AGE_DAYS (${longest}): a redelivered message must still find its marker`,
    );
  }
  return kit;
}

/** The reverse-proxy settings of a service with an HTTP front for clients (edge, web), spread into its env schema. */
export const ProxyEnv = {
  TRUST_PROXY: Type.Boolean({
    default: false,
    description: "Behind one reverse proxy: take the client IP from X-Forwarded-For and the scheme from X-Forwarded-Proto (HSTS on https).",
  }),
  TRUST_PROXY_HOPS: Type.Integer({
    minimum: 1,
    maximum: 10,
    default: 1,
    description:
      "With TRUST_PROXY: how many proxies in front append to X-Forwarded-For (1: the cluster's ingress; 2: a CDN, then the ingress). The client is the address the outermost of them saw; anything a client wrote further left is ignored.",
  }),
};

/** Koa's options for those settings: X-Forwarded-* trusted only behind a proxy, and only as many hops as it has. */
export function koaProxyOptions(env: { TRUST_PROXY: boolean; TRUST_PROXY_HOPS: number }): { proxy: boolean; maxIpsCount: number } {
  return { proxy: env.TRUST_PROXY, maxIpsCount: env.TRUST_PROXY ? env.TRUST_PROXY_HOPS : 0 };
}
