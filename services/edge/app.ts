/**
 * The edge's Koa app: problem+json errors, trace and request log, metrics, security headers,
 * CORS, rate limits, body limit, then one router entry per route of the table (auth → per-user
 * limit → role → idempotency → validate → call the subject → render). It never listens: the
 * runner mounts it (tests may drive `app.callback()` directly).
 */
import { hash } from "node:crypto";
import { Readable } from "node:stream";
import Koa from "koa";
import { Router } from "@koa/router";
import { bodyParser } from "@koa/bodyparser";
import cors from "@koa/cors";
import { propagation, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import type { NatsConnection } from "@nats-io/nats-core";
import { koaProxyOptions } from "../kit/config.ts";
import { call, callForJson } from "../kit/call.ts";
import { AppError, forbidden } from "../kit/errors.ts";
import { httpMetrics } from "../kit/http.ts";
import { clientBucket } from "../kit/client-ip.ts";
import { inSpan, SpanKind } from "../kit/trace.ts";
import { check } from "../kit/validate.ts";
import { csvLine } from "../kit/csv.ts";
import type { Logger } from "../kit/log.ts";
import type { Principal } from "../../subjects/principal.ts";
import { type KeyProvider, principalOf, verifyAccessToken } from "./auth.ts";
import { PROBLEM_TYPE, sendProblem, toProblem } from "./problem.ts";
import { type Limit, type RateLimiter, retryAfterOf } from "./rate-limit.ts";
import type { IdempotencyStore, StoredResponse } from "./idempotency.ts";
import type { ReplyCache } from "./cache.ts";
import type { HitReporter } from "./hits.ts";
import type { SseHub } from "./sse.ts";
import type { SessionChecker } from "./sessions.ts";
import type { ObjectStore } from "@nats-io/obj";
import { ATTACHMENT_PATH, attachmentOperation, sendAttachment } from "./attachments.ts";
import { buildOpenApi, type ExtraOperation, type OpenApiDocument } from "./openapi.ts";
import { DOCS_CSP, docsAssets, renderDocsPage } from "./docs-page.ts";
import type { CsvExport, Route } from "./routes/route.ts";
import type { EdgeEnv } from "./env.ts";

export type EdgeDeps = {
  nc: NatsConnection;
  log: Logger;
  env: EdgeEnv;
  version: string;
  routes: Route[];
  keys: KeyProvider;
  idempotency: IdempotencyStore;
  cache: ReplyCache;
  /** Reports reads the cache answered to the services that count them. */
  hits: HitReporter;
  limiter: RateLimiter;
  /** Whether a token's session is still open (logout-all, revocation). */
  sessions: SessionChecker;
  sse: SseHub;
  /** Object Store buckets, for streaming attachments. */
  objects: (bucket: string) => Promise<ObjectStore>;
};

export type EdgeApp = {
  app: Koa;
  openapi: OpenApiDocument;
  /** Every method + path the router serves (OpenAPI style), for the documentation check. */
  served: Array<{ method: string; path: string }>;
};

type State = { principal?: Principal; jwt?: unknown };

export const STREAM_PATH = "/v1/me/notifications/stream";
/** Prefix of payment-provider callback routes (signed by the provider; not rate limited per IP). */
export const PROVIDER_CALLBACKS = "/v1/payment-callbacks/";

/** Operations the edge serves itself, documented beside the routes. */
export const extras: ExtraOperation[] = [
  attachmentOperation,
  {
    method: "GET",
    path: "/v1/openapi.json",
    operation: {
      operationId: "openapi",
      tags: ["edge"],
      summary: "This API description (OpenAPI 3.1)",
      security: [],
      responses: {
        "200": { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } },
        default: { $ref: "#/components/responses/Problem" },
      },
    },
  },
  {
    method: "GET",
    path: STREAM_PATH,
    operation: {
      operationId: "notificationsStream",
      tags: ["edge"],
      summary: "Live inbox: new notifications as Server-Sent Events",
      description:
        "Each new inbox item arrives as an SSE `notification` event whose `id` is the item's id. Reconnect with `Last-Event-ID` (or `?lastEventId=`) to receive the items missed since. EventSource cannot send headers, so the access token may also come as `?access_token=`.",
      security: [{ bearer: [] }],
      parameters: [
        {
          name: "Last-Event-ID",
          in: "header",
          required: false,
          description: "Id of the last item received; missed items are sent first.",
          schema: { type: "string" },
        },
        { name: "lastEventId", in: "query", required: false, description: "Same as the Last-Event-ID header.", schema: { type: "string" } },
        {
          name: "access_token",
          in: "query",
          required: false,
          description: "The access token, for clients that cannot set headers.",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": { description: "An endless event stream.", content: { "text/event-stream": { schema: { type: "string" } } } },
        "401": { $ref: "#/components/responses/Unauthenticated" },
        "429": { $ref: "#/components/responses/RateLimited" },
        default: { $ref: "#/components/responses/Problem" },
      },
    },
  },
];

export function createEdgeApp(deps: EdgeDeps): EdgeApp {
  const { env, log, limiter, cache } = deps;
  const app = new Koa<State>(koaProxyOptions(env));
  // Koa reports errors of responses already sent (a client gone mid-stream) here, not to us.
  app.on("error", (err: Error & { code?: string }) => {
    if (err.code === "ERR_STREAM_PREMATURE_CLOSE" || err.code === "ECONNRESET" || err.code === "EPIPE") return;
    log.warn({ err }, "response failed after it started");
  });
  const openapi = buildOpenApi(deps.routes, extras, { version: deps.version });
  const redact = pathRedactor(deps.routes);
  const openapiJson = JSON.stringify(openapi);
  const docsHtml = renderDocsPage(openapi);
  const minute = 60_000;
  const ipLimit: Limit = { max: env.RATE_LIMIT_IP_PER_MINUTE, windowMs: minute };
  const authLimit: Limit = { max: env.RATE_LIMIT_AUTH_PER_MINUTE, windowMs: minute };
  const userLimit: Limit = { max: env.RATE_LIMIT_USER_PER_MINUTE, windowMs: minute };
  const verify = verifyAccessToken(deps.keys, { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE });
  const verifyStream = verifyAccessToken(deps.keys, { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, allowQueryToken: true });
  /** Public operations verify a token only when one is sent (a signed-in caller may see more, e.g. a private event). */
  const optionalToken = (ctx: Koa.Context, next: () => Promise<void>) => (ctx.headers.authorization ? verify(ctx, next) : next());
  const origins = new Set(env.CORS_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean));

  const corsMiddleware = cors({
    origin: (ctx) => {
      const origin = ctx.get("Origin");
      return origins.has(origin) || origins.has("*") ? origin : "";
    },
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "Last-Event-ID", "traceparent", "tracestate"],
    exposeHeaders: ["ETag", "Retry-After", "Idempotent-Replayed", "X-Trace-Id"],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    maxAge: 600,
  });
  const parseBody = bodyParser({
    enableTypes: ["json"],
    jsonLimit: env.BODY_LIMIT_BYTES,
    jsonStrict: true,
    parsedMethods: PARSED_METHODS,
  }) as unknown as Koa.Middleware<State>;

  /** Per-IP limits, stricter on /v1/auth/* (password guessing, sign-up floods). */
  const limitIp = async (ctx: Koa.Context) => {
    // Provider callbacks come from a few provider addresses in bursts; a 429 would delay a
    // payment's confirmation by the provider's retry interval (30 min). Their signature is checked
    // before anything else happens. REVIEW: an allow-list of the provider's addresses.
    // The router matches paths case-sensitively and so does this: /V1/AUTH/… is no route, and
    // cannot be one that escapes the auth limit.
    if (ctx.path.startsWith(PROVIDER_CALLBACKS)) return;
    const ip = clientBucket(clientIp(ctx));
    await limiter.hit(`ip:${ip}`, ipLimit);
    if (ctx.method !== "GET" && ctx.path.toLowerCase().startsWith("/v1/auth/")) await limiter.hit(`auth:${ip}`, authLimit);
  };
  const fail = (ctx: Koa.Context, err: unknown) => {
    const problem = toProblem(err, ctx.path);
    const retryAfter = retryAfterOf(err);
    if (retryAfter !== undefined) ctx.set("Retry-After", String(retryAfter));
    if (problem.status >= 500 && problem.code !== "no_responders" && problem.code !== "timeout") log.error({ err, path: redact(ctx.path) }, "request failed");
    sendProblem(ctx, problem);
  };
  const logRequest = (ctx: Koa.Context, started: number) => {
    if (!log.isLevelEnabled("info")) return;
    const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute;
    log.info({
      method: ctx.method,
      path: redact(ctx.path),
      route,
      status: ctx.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ip: clientIp(ctx),
    }, "request");
  };

  // Middleware layers cost throughput (each is a promise and a microtask): the front is one
  // function, and route chains are built per route with only the steps that route needs.
  // 1. Metrics by route and status, outermost so problems are counted with their status.
  app.use(httpMetrics("edge"));
  // 2. Security headers, per-IP limits, the hot-read fast path, then trace, log and problem+json.
  app.use(async (ctx, next) => {
    const started = performance.now();
    const res = ctx.res;
    for (const [k, v] of SECURITY_HEADERS) res.setHeader(k, v);
    if (ctx.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // Fast path: an anonymous read already in the cache needs no routing, no validation and no
    // span (nothing downstream to trace). Cross-origin and traced requests take the full path.
    if (ctx.method === "GET" && cache.size > 0 && !ctx.headers.authorization && !ctx.headers.origin && !ctx.headers.traceparent) {
      const hit = cache.get(ctx.url);
      if (hit) {
        try {
          await limitIp(ctx);
          hit.onHit?.();
          respond(ctx, { status: 200, type: hit.type, body: hit.body, headers: { ETag: hit.etag, "X-Cache": "hit" } });
        } catch (err) {
          fail(ctx, err);
        }
        return logRequest(ctx, started);
      }
    }
    const parent = propagation.extract(ROOT_CONTEXT, ctx.headers);
    const safePath = redact(ctx.path);
    await inSpan(
      `${ctx.method} ${safePath}`,
      { kind: SpanKind.SERVER, parent, attributes: { "http.request.method": ctx.method, "url.path": safePath } },
      async (span) => {
        const sc = span.spanContext();
        if (trace.isSpanContextValid(sc)) res.setHeader("X-Trace-Id", sc.traceId);
        try {
          await limitIp(ctx);
          // CORS only for allowlisted origins; a request without Origin skips it entirely.
          if (ctx.headers.origin) await corsMiddleware(ctx, next);
          else await next();
          if (ctx.status === 404 && ctx.body == null) throw new AppError("not_found", `no route ${ctx.method} ${ctx.path}`);
          if (ctx.status === 405 && ctx.body == null) {
            throw new AppError("method_not_allowed", `${ctx.method} is not allowed on this path; allowed: ${ctx.response.get("Allow")}`, { status: 405 });
          }
          if (ctx.status === 501 && ctx.body == null) {
            throw new AppError("not_implemented", `method ${ctx.method} is not supported`, { status: 501 });
          }
        } catch (err) {
          fail(ctx, err);
        }
        const route = (ctx as unknown as { _matchedRoute?: string })._matchedRoute;
        if (route) span.updateName(`${ctx.method} ${route}`);
        span.setAttribute("http.response.status_code", ctx.status);
        logRequest(ctx, started);
      },
    );
  });

  // Case-sensitive, like the per-IP limits that look at the path (a case-insensitive router let
  // POST /V1/AUTH/REFRESH through without the auth limit).
  const router = new Router<State>({ sensitive: true });
  const served: EdgeApp["served"] = [];

  router.get("/v1/openapi.json", (ctx) => {
    ctx.set("Cache-Control", "public, max-age=60");
    ctx.type = "application/json";
    ctx.body = openapiJson;
  });
  router.get("/docs", (ctx) => {
    ctx.set("Content-Security-Policy", DOCS_CSP);
    ctx.type = "text/html; charset=utf-8";
    ctx.body = docsHtml;
  });
  router.get("/docs/assets/:name", (ctx) => {
    const asset = docsAssets.get(ctx.params.name);
    if (!asset) return;
    ctx.set("Cache-Control", "public, max-age=3600");
    ctx.type = asset.type;
    ctx.body = asset.body;
  });
  served.push({ method: "GET", path: "/v1/openapi.json" });

  router.get(STREAM_PATH, verifyStream, async (ctx) => {
    await authorize(ctx, "user", limiter, userLimit, deps.sessions);
    const principal = ctx.state.principal!;
    const claims = ctx.state.jwt as { exp: number; sid: string };
    await deps.sse.open(ctx as unknown as Koa.Context, principal, {
      expiresAt: claims.exp * 1000,
      stillValid: () => deps.sessions.active(principal.sub, claims.sid),
    });
  });
  served.push({ method: "GET", path: STREAM_PATH });

  router.get(ATTACHMENT_PATH.replace(/\{(\w+)\}/g, ":$1"), (ctx) =>
    optionalToken(ctx as unknown as Koa.Context, async () => {
      await authorize(ctx, "public", limiter, userLimit, deps.sessions);
      await sendAttachment(ctx as unknown as Koa.Context & { params: Record<string, string> }, {
        nc: deps.nc,
        objects: deps.objects,
        timeoutMs: env.UPSTREAM_TIMEOUT_MS,
        principal: ctx.state.principal,
        matches,
      });
    }));
  served.push({ method: "GET", path: ATTACHMENT_PATH });

  for (const r of deps.routes) {
    const koaPath = r.path.replace(/\{(\w+)\}/g, ":$1");
    type RouteCtx = Koa.Context & { state: State; params: Record<string, string> };
    const authorized = async (ctx: RouteCtx) => {
      await authorize(ctx, r.auth, limiter, userLimit, deps.sessions);
      await handle(ctx, r, deps);
    };
    // koa-jwt runs for user and admin routes; a public route takes a token when one is sent.
    const step: Koa.Middleware<State> = (ctx) =>
      (r.auth === "public" ? optionalToken : verify)(ctx as unknown as RouteCtx, () => authorized(ctx as unknown as RouteCtx));
    const parse = r.input.rawForm
      ? rawFormBody(env.BODY_LIMIT_BYTES)
      : r.bodyLimitBytes
      ? (bodyParser({ enableTypes: ["json"], jsonLimit: r.bodyLimitBytes, jsonStrict: true, parsedMethods: PARSED_METHODS }) as unknown as Koa.Middleware<
        State
      >)
      : parseBody;
    router.register(koaPath, [r.method], r.input.rawForm ? [parse, step] : r.input.body ? [bodyGate(r), parse, step] : [step]);
    served.push({ method: r.method, path: r.path });
  }

  app.use(router.routes());
  // Not thrown: the router then sets `Allow` (RFC 9110 15.5.6 requires it on a 405), and the
  // front turns the bare status into a problem without dropping the header.
  app.use(router.allowedMethods({ throw: false }));
  return { app: app as unknown as Koa, openapi, served };
}

/**
 * Paths as logs and spans may show them: a path parameter named `token` (a calendar feed's secret)
 * becomes `{token}`. Query strings (?access_token= of live streams) are never logged at all.
 * Derived from the route table, so a new route with a secret in its path is covered.
 */
export function pathRedactor(routes: Array<{ path: string }>): (path: string) => string {
  const patterns = [...new Set(routes.map((r) => r.path).filter((p) => p.includes("{token}")))].map((p) => {
    // Whatever follows (a typo'd suffix too), the segment in the token's place is the secret.
    const before = p.split("{token}")[0];
    const literal = before.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
    return new RegExp(`^(${literal})[^/]+`, "i");
  });
  return (path) => patterns.reduce((p, re) => p.replace(re, "$1{token}"), path);
}

/** Methods whose body is parsed: DELETE too (DELETE /v1/me/totp carries a code); the parser's default skips it. */
const PARSED_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

/** The media types a route's body may come as. */
export const BODY_TYPES = ["application/json"];

/**
 * Before the body parser: a body it would not parse is refused with 415 naming the accepted
 * types (it used to pass as an empty object, so a text/plain PATCH "succeeded" changing nothing);
 * no body where the request has fields only a body can fill is a 400 saying the body is missing.
 */
export function bodyGate(r: Route): Koa.Middleware {
  const required = bodyRequired(r);
  const acceptHeader = r.method === "PATCH" ? "Accept-Patch" : r.method === "POST" ? "Accept-Post" : undefined;
  return async (ctx, next) => {
    const length = ctx.get("Content-Length");
    const hasBody = ctx.get("Transfer-Encoding") !== "" || (length !== "" && Number(length) > 0);
    if (hasBody && !ctx.is(...BODY_TYPES)) {
      if (acceptHeader) ctx.set(acceptHeader, BODY_TYPES.join(", "));
      const sent = ctx.get("Content-Type") || "none";
      throw new AppError("unsupported_media_type", `body: Content-Type ${sent} is not accepted; send ${BODY_TYPES.join(" or ")}`, {
        status: 415,
        details: [{ field: "Content-Type", message: `must be ${BODY_TYPES.join(" or ")}` }],
      });
    }
    if (!hasBody && required) {
      throw new AppError("invalid_request", "body: is required (a JSON object)", { details: [{ field: "body", message: "is required" }] });
    }
    await next();
  };
}

/** Reads a form body as the exact text sent (signatures cover it byte for byte); 413 past the limit. */
function rawFormBody(limit: number): Koa.Middleware<State> {
  return async (ctx, next) => {
    const length = ctx.get("Content-Length");
    if (ctx.get("Transfer-Encoding") === "" && (length === "" || Number(length) === 0)) {
      throw new AppError("invalid_request", "body: is required (a form)", { details: [{ field: "body", message: "is required" }] });
    }
    if (!ctx.is("application/x-www-form-urlencoded")) {
      ctx.set("Accept-Post", "application/x-www-form-urlencoded");
      throw new AppError("unsupported_media_type", "body: expected application/x-www-form-urlencoded", {
        status: 415,
        details: [{ field: "Content-Type", message: "must be application/x-www-form-urlencoded" }],
      });
    }
    let text = "";
    for await (const chunk of ctx.req) {
      text += String(chunk);
      if (text.length > limit) {
        throw new AppError("payload_too_large", `body: over ${limit} bytes`, {
          status: 413,
          details: [{ field: "body", message: "is larger than the limit" }],
        });
      }
    }
    ctx.request.body = text;
    await next();
  };
}

/** Whether some required field of the route's request can only come from the body. */
function bodyRequired(r: Route): boolean {
  const schema = r.contract.request as { required?: string[] };
  const elsewhere = new Set(
    [
      ...Object.values(r.input.path ?? {}),
      ...Object.keys(r.input.fixed ?? {}),
      ...(r.input.query ?? []),
      ...Object.values(r.input.headers ?? {}),
      r.input.ip,
      r.input.principal,
      r.input.session,
    ].filter(Boolean).map((f) => String(f).split(".")[0]),
  );
  return (schema.required ?? []).some((f) => !elsewhere.has(f));
}

function clientIp(ctx: Koa.Context): string {
  return ctx.ip.startsWith("::ffff:") ? ctx.ip.slice(7) : ctx.ip;
}

/** After koa-jwt: the principal, its session still open, the per-user limit and the role a route requires. */
async function authorize(ctx: { state: State }, auth: Route["auth"], limiter: RateLimiter, userLimit: Limit, sessions: SessionChecker): Promise<void> {
  if (!ctx.state.jwt) return;
  const principal = principalOf(ctx.state.jwt);
  const sid = (ctx.state.jwt as { sid?: unknown }).sid;
  if (typeof sid !== "string" || !(await sessions.active(principal.sub, sid))) {
    throw new AppError("unauthenticated", "the session of this access token has ended; sign in again");
  }
  ctx.state.principal = principal;
  await limiter.hit(`user:${principal.sub}`, userLimit);
  if (auth === "admin" && !principal.roles.includes("admin")) throw forbidden("administrators only");
}

const SECURITY_HEADERS = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
  ["Cross-Origin-Resource-Policy", "same-site"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
] as const;

async function handle(ctx: Koa.Context & { state: State; params: Record<string, string> }, r: Route, deps: EdgeDeps): Promise<void> {
  const principal = ctx.state.principal;
  const body = ctx.request.body;
  if (r.csv) return exportCsv(ctx, r, r.csv, deps, principal);
  const key = r.creates ? ctx.get("Idempotency-Key") : "";
  if (!key) return respond(ctx, await execute(ctx, r, deps, principal));

  // Anonymous callers share no scope: each client address has its own keys.
  const claim = await deps.idempotency.claim(`${principal?.sub ?? `anonymous ${clientBucket(clientIp(ctx))}`} ${r.method} ${ctx.path}`, key, body);
  if (claim.kind === "replay") {
    ctx.set("Idempotent-Replayed", "true");
    return respond(ctx, claim.response);
  }
  let response: StoredResponse;
  try {
    response = await execute(ctx, r, deps, principal);
  } catch (err) {
    const problem = toProblem(err, ctx.path);
    // A failure that may pass on retry frees the key; a refusal is the answer to replay.
    if (problem.status >= 500 || problem.status === 429) await deps.idempotency.release(claim);
    else void deps.idempotency.complete(claim, body, { status: problem.status, type: PROBLEM_TYPE, body: JSON.stringify(problem), headers: {} });
    throw err;
  }
  // Stored before it is sent, without waiting for the stream's ack: complete() puts the write on
  // this replica's NATS connection at once (its first await is the request), so a retry sent
  // after this response reaches the stream behind it; via another replica it may overtake it and
  // get 409 (in flight), which is what a retry during the request gets. A failed write was never
  // waited on for anything but this order (it is ignored), and the work is done either way.
  void deps.idempotency.complete(claim, body, response);
  respond(ctx, response);
}

/**
 * Streams every page of a paged subject as CSV. The first page is fetched before anything is
 * sent, so a refusal (403, 404, bad input) is an ordinary problem+json answer; a failure later
 * ends the download early (the client sees a truncated transfer, never a CSV that looks whole).
 */
async function exportCsv(
  ctx: Koa.Context & { params: Record<string, string> },
  r: Route,
  csv: CsvExport,
  deps: EdgeDeps,
  principal: Principal | undefined,
): Promise<void> {
  const input = check<typeof r.contract.request>(
    r.contract.request,
    r.toInput({ params: ctx.params, query: ctx.query, body: undefined, principal, ip: clientIp(ctx), headers: ctx.headers }),
  ) as Record<string, unknown>;
  type Page = { items: unknown[]; nextCursor: string | null };
  const opts = { principal, timeoutMs: deps.env.UPSTREAM_TIMEOUT_MS };
  const page = (cursor?: string) => call(deps.nc, r.contract, { ...input, limit: csv.pageSize, ...(cursor ? { cursor } : {}) } as never, opts) as Promise<Page>;
  const first = await page();
  const closed = new AbortController();
  ctx.req.once("close", () => closed.abort());
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(csv.columns);
    let current: Page = first;
    for (;;) {
      yield current.items.map((item) => csvLine(csv.row(item as never))).join("");
      if (!current.nextCursor || closed.signal.aborted) return;
      current = await page(current.nextCursor);
    }
  }
  ctx.set("Cache-Control", "no-store");
  ctx.set("Content-Disposition", `attachment; filename="${csv.filename(input).replace(/[^\w.-]/g, "_")}"`);
  ctx.type = "text/csv; charset=utf-8";
  const body = Readable.from(lines());
  body.on("error", (err) => deps.log.warn({ err, path: ctx.path }, "CSV export ended early"));
  ctx.body = body;
}

async function execute(
  ctx: Koa.Context & { params: Record<string, string> },
  r: Route,
  deps: EdgeDeps,
  principal: Principal | undefined,
): Promise<StoredResponse> {
  const sessionId = (ctx.state as { jwt?: { sid?: unknown } }).jwt?.sid;
  const input = check<typeof r.contract.request>(
    r.contract.request,
    r.toInput({
      params: ctx.params,
      query: ctx.query,
      body: ctx.request.body,
      principal,
      sessionId: typeof sessionId === "string" ? sessionId : undefined,
      ip: clientIp(ctx),
      headers: ctx.headers,
    }),
  );
  // Only anonymous reads are shared (a signed-in caller may see more, e.g. a private event), keyed
  // by URL so the front can answer hits before routing; URLs with unknown query parameters are
  // not cached (they would let anyone flush the cache with junk).
  const cacheKey = r.cache && !principal && Object.keys(ctx.query).every((q) => r.input.query?.includes(q)) ? ctx.url : undefined;
  if (cacheKey) {
    const hit = deps.cache.get(cacheKey);
    if (hit) {
      hit.onHit?.();
      return { status: r.status, type: hit.type, body: hit.body, headers: { ETag: hit.etag, "X-Cache": "hit" } };
    }
  }
  const generation = deps.cache.generation;
  const opts = { principal, timeoutMs: deps.env.UPSTREAM_TIMEOUT_MS };
  const headers: Record<string, string> = {};
  let type = "application/json";
  let text: string;
  let encoding: "base64" | undefined;
  const representation = r.representation ?? (r.html && ctx.accepts("application/json", "text/html") === "text/html" ? r.html : undefined);
  if (representation) {
    const reply = await call(deps.nc, r.contract, input as never, opts);
    type = representation.type;
    text = representation.render(reply);
    if (representation.binary) encoding = "base64";
    // A page may post a form back to this origin and style itself; nothing else.
    if (type.startsWith("text/html")) {
      headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    }
    const filename = representation.filename?.(reply);
    if (filename) headers["Content-Disposition"] = `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`;
  } else {
    // The responder checked its reply against the contract: pass its JSON through as it came.
    text = await callForJson(deps.nc, r.contract, input as never, opts);
  }
  if (r.method === "GET") headers.ETag = `"${hash("sha1", text, "base64url")}"`;
  if (cacheKey) {
    const report = r.cache!.reportHits;
    const key = report?.key(input as Record<string, unknown>);
    const onHit = report && key !== undefined ? () => deps.hits.add(report, key) : undefined;
    deps.cache.set(cacheKey, { body: text, etag: headers.ETag, type, onHit }, r.cache!.tags(input as Record<string, unknown>), generation);
    headers["X-Cache"] = "miss";
  }
  return { status: r.status, type, body: text, headers, ...(encoding ? { encoding } : {}) };
}

function respond(ctx: Koa.Context, res: StoredResponse): void {
  for (const [k, v] of Object.entries(res.headers)) ctx.set(k, v);
  ctx.set("Cache-Control", ctx.method === "GET" && res.headers.ETag && !ctx.state.principal ? "no-cache" : "no-store");
  ctx.status = res.status;
  ctx.type = res.type;
  ctx.body = res.encoding === "base64" ? Buffer.from(res.body, "base64") : res.body;
  if (res.headers.ETag && res.status === 200 && matches(ctx.get("If-None-Match"), res.headers.ETag)) {
    ctx.status = 304;
    ctx.body = null;
  }
}

/**
 * If-None-Match with weak comparison (RFC 9110 13.1.2). Not Koa's ctx.fresh: it honours a
 * request's `Cache-Control: no-cache`, which fetch() adds to every conditional request, although
 * that directive speaks to caches, not to the origin.
 */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => bare(t) === bare(etag));
}
