/**
 * edge: the one public HTTP API. No business logic: each route maps to one subject. It verifies
 * access tokens, validates input against the subject's contract, limits rates, makes creations
 * idempotent, documents itself (OpenAPI 3.1) and pushes live inbox items over SSE.
 */
import { randomBytes } from "node:crypto";
import { Kvm } from "@nats-io/kv";
import { defineService, type ServiceDefinition } from "../kit/service.ts";
import type { BusAccess } from "../kit/bus.ts";
import { identity } from "../../subjects/identity.ts";
import { events } from "../../subjects/events.ts";
import { LIVE_INBOX_PREFIX, notifications } from "../../subjects/notifications.ts";
import { jwksOverNats } from "./auth.ts";
import { sessionChecker } from "./sessions.ts";
import { createEdgeApp, extras } from "./app.ts";
import { objectStores } from "./attachments.ts";
import { buildOpenApi, type OpenApiDocument } from "./openapi.ts";
import { IDEMPOTENCY_BUCKET, IDEMPOTENCY_TTL_MS, IdempotencyStore } from "./idempotency.ts";
import { ReplyCache } from "./cache.ts";
import { HitReporter } from "./hits.ts";
import { openRateLimitBucket, RATE_LIMIT_BUCKET, RateLimiter } from "./rate-limit.ts";
import { LIVE_STREAMS_BUCKET, liveStreams, openLiveStreamsBucket } from "./live-streams.ts";
import { inboxMissedSince, type MissedSince, sseHub } from "./sse.ts";
import { EdgeEnv } from "./env.ts";
import { routes as allRoutes } from "./routes/index.ts";
import type { ResponseCaching, Route } from "./routes/route.ts";

export { EdgeEnv };

export const EDGE_VERSION = "0.1.0";

/** The OpenAPI document of the public API (the same one /v1/openapi.json serves). */
export function openApiDocument(routes: Route[] = allRoutes): OpenApiDocument {
  return buildOpenApi(routes, extras, { version: EDGE_VERSION });
}

/** The edge over a given route table (tests build one over their own responders). */
export function makeEdgeService(routes: Route[], opts: { missedSince?: MissedSince; jwksMinRefreshMs?: number } = {}): ServiceDefinition<typeof EdgeEnv> {
  return defineService({
    name: "edge",
    version: EDGE_VERSION,
    description: "The public HTTP API: routes to subjects, auth, OpenAPI, rate limits, idempotency, live streams.",
    mintsPrincipals: true,
    bus: edgeBus(routes),
    env: EdgeEnv,
    devSecrets: (env) => [{ name: "IDEMPOTENCY_HMAC_KEY", insecure: !env.IDEMPOTENCY_HMAC_KEY, why: "is unset (a random key per process)" }],
    async setup(rt) {
      const { nc, js } = rt.nats;
      const kv = await new Kvm(js).create(IDEMPOTENCY_BUCKET, {
        ttl: IDEMPOTENCY_TTL_MS,
        history: 1,
        description: "Idempotency-Key claims and responses of the edge (24 h).",
      });
      const hmacKey = rt.env.IDEMPOTENCY_HMAC_KEY ? Buffer.from(rt.env.IDEMPOTENCY_HMAC_KEY, "base64") : randomBytes(32);
      const cache = new ReplyCache({ maxEntries: rt.env.READ_CACHE_MAX_ENTRIES, ttlMs: rt.env.READ_CACHE_TTL_MS });
      const hits = new HitReporter({ nc, log: rt.log });
      const limiter = new RateLimiter({ kv: await openRateLimitBucket(js), log: rt.log });
      // A replica that dies leaves its streams' keys for a few heartbeats at most.
      const registry = liveStreams(await openLiveStreamsBucket(js, Math.max(60_000, 4 * rt.env.SSE_HEARTBEAT_MS)), rt.log);
      const sse = sseHub({
        nc,
        log: rt.log,
        heartbeatMs: rt.env.SSE_HEARTBEAT_MS,
        maxPerUser: rt.env.SSE_MAX_STREAMS_PER_USER,
        registry,
        missedSince: opts.missedSince ?? inboxMissedSince(nc, { timeoutMs: rt.env.UPSTREAM_TIMEOUT_MS }),
      });

      // Domain events invalidate cached public reads; an outage may have hidden some, so a
      // reconnect clears everything.
      const decoder = new TextDecoder();
      // The cached routes each subject invalidates, found once rather than per message.
      const cachingBy = new Map<string, ResponseCaching[]>();
      for (const c of new Set(routes.flatMap((r) => (r.cache ? [r.cache] : [])))) {
        for (const subject of c.invalidatedBy) cachingBy.set(subject, [...(cachingBy.get(subject) ?? []), c]);
      }
      const subs = [...cachingBy].map(([subject, cachings]) =>
        nc.subscribe(subject, {
          callback: (err, msg) => {
            if (err) return;
            try {
              const envelope = JSON.parse(decoder.decode(msg.data)) as { data?: Record<string, unknown> };
              for (const c of cachings) for (const tag of c.invalidates(envelope.data ?? {})) cache.invalidate(tag);
            } catch {
              cache.clear();
            }
          },
        })
      );
      void (async () => {
        for await (const s of nc.status()) if (s.type === "reconnect") cache.clear();
      })().catch(() => undefined);

      const edge = createEdgeApp({
        nc,
        log: rt.log,
        env: rt.env,
        version: EDGE_VERSION,
        routes,
        keys: jwksOverNats(nc, { minRefreshMs: opts.jwksMinRefreshMs }),
        sessions: sessionChecker(nc, { cacheMs: rt.env.SESSION_CHECK_CACHE_MS, timeoutMs: rt.env.UPSTREAM_TIMEOUT_MS }),
        idempotency: new IdempotencyStore(kv, { hmacKey }),
        cache,
        hits,
        limiter,
        sse,
        objects: objectStores(nc),
      });
      return {
        http: edge.app,
        httpPaths: ["/v1/", "/docs"],
        async stop() {
          sse.closeAll();
          limiter.stop();
          await hits.stop();
          for (const s of subs) s.unsubscribe();
        },
      };
    },
  });
}

export const edgeService = makeEdgeService(allRoutes);

/**
 * What the edge may do on NATS: call the subjects its routes map to (and the few it calls for
 * itself), hear the events that invalidate its cache and the live inbox items it streams, keep
 * its KV buckets and read attachments. Nothing else: a compromised edge cannot settle an order.
 */
function edgeBus(routes: Route[]): BusAccess {
  return {
    calls: [
      ...routes.map((r) => r.contract),
      ...routes.flatMap((r) => (r.cache?.reportHits ? [r.cache.reportHits.contract] : [])),
      identity.keysList,
      identity.sessionsCheck,
      notifications.inboxList,
      events.attachmentsGet,
    ],
    listens: [...new Set(routes.flatMap((r) => r.cache?.invalidatedBy ?? [])), `${LIVE_INBOX_PREFIX}.>`],
    kv: [IDEMPOTENCY_BUCKET, RATE_LIMIT_BUCKET, LIVE_STREAMS_BUCKET],
    // The bucket the events service keeps attachments in (svc.events.attachments.get names it).
    readObjects: ["event-attachments"],
  };
}
