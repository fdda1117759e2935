/**
 * The ops endpoints of a process: /healthz (alive), /readyz (dependencies reachable and not
 * shutting down) and /metrics (Prometheus). It returns a Koa app and never listens itself: tests
 * drive `app.callback()` without a port, and the runner serves it on OPS_PORT, never on the public
 * port (metrics and readiness describe the inside). /readyz names failing checks but never says
 * why: the reason goes to the log.
 */
import Koa from "koa";
import { DURATION_BUCKETS_SECONDS, prometheusExporter } from "./trace.ts";
import { boundHistogram, type Recorder } from "./histograms.ts";

export type ReadinessCheck = { name: string; check: () => Promise<void> };

export type OpsApp = {
  app: Koa;
  /** Fail readiness from now on (first step of a graceful shutdown). */
  drain(): void;
};

export function createOpsApp(opts: { checks: ReadinessCheck[]; timeoutMs?: number; onFailure?: (name: string, err: Error) => void }): OpsApp {
  const app = new Koa();
  let draining = false;
  app.use(async (ctx, next) => {
    if (ctx.path === "/healthz") {
      ctx.body = { status: "ok" };
      return;
    }
    if (ctx.path === "/readyz") {
      if (draining) {
        ctx.status = 503;
        ctx.body = { status: "draining" };
        return;
      }
      const results = await Promise.all(
        opts.checks.map(async (c) => ({
          name: c.name,
          ok: await withTimeout(c.check(), opts.timeoutMs ?? 2_000).then(
            () => true,
            (e: Error) => (opts.onFailure?.(c.name, e), false),
          ),
        })),
      );
      const failing = results.filter((r) => !r.ok);
      ctx.status = failing.length ? 503 : 200;
      ctx.body = { status: failing.length ? "unavailable" : "ready", checks: Object.fromEntries(results.map((r) => [r.name, r.ok ? "ok" : "failing"])) };
      return;
    }
    if (ctx.path === "/metrics") {
      const exporter = prometheusExporter();
      if (!exporter) {
        ctx.status = 503;
        ctx.body = "telemetry not started\n";
        return;
      }
      ctx.respond = false;
      exporter.getMetricsRequestHandler(ctx.req, ctx.res);
      return;
    }
    await next();
  });
  return { app, drain: () => void (draining = true) };
}

/** Records request duration by route and status for any Koa app (the edge uses it). */
export function httpMetrics(service: string): Koa.Middleware {
  const duration = boundHistogram("http_server_request_duration_seconds", {
    unit: "s",
    description: "HTTP request duration by route and status.",
    boundaries: DURATION_BUCKETS_SECONDS,
  });
  // One cell per (route, status), found by a string key (histograms.ts says why not the SDK's record).
  const cells = new Map<string, Recorder>();
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = String((ctx as unknown as { _matchedRoute?: string })._matchedRoute ?? "unmatched");
      const key = `${ctx.status} ${route}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = duration.cell({ service, http_route: route, http_response_status_code: ctx.status });
        cells.set(key, cell);
      }
      cell.record((performance.now() - started) / 1000);
    }
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
