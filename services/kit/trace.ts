/**
 * OpenTelemetry for the process: traces (exported over OTLP when configured) and metrics (served
 * by Prometheus' pull at /metrics). Trace context crosses NATS in message headers (W3C
 * traceparent), so one trace runs HTTP → request/reply → JetStream → consumer.
 */
import {
  context,
  metrics,
  propagation,
  trace,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from "@opentelemetry/api";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { BatchSpanProcessor, NoopSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { isTracingSuppressed, TraceState, W3CTraceContextPropagator } from "@opentelemetry/core";
import type { MsgHdrs } from "@nats-io/nats-core";
import { headers as natsHeaders } from "@nats-io/nats-core";

export { SpanKind, SpanStatusCode, context, trace, type Span, type Context };

let sdk: NodeSDK | undefined;
let prometheus: PrometheusExporter | undefined;

/**
 * Starts the SDK once per process. `spanExporter` lets tests collect spans in memory (handed over
 * one by one, so a test sees a span as soon as it ends; `batchSpans` batches them as a deployment
 * exporting over OTLP does); `otlpEndpoint` sends them to a collector.
 */
export function startTelemetry(opts: { serviceName: string; otlpEndpoint?: string; spanExporter?: SpanExporter; batchSpans?: boolean }): void {
  if (sdk) return;
  prometheus = new PrometheusExporter({ preventServerStart: true });
  const spanProcessors: SpanProcessor[] = [];
  if (opts.otlpEndpoint) spanProcessors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${opts.otlpEndpoint.replace(/\/$/, "")}/v1/traces` }) }));
  if (opts.spanExporter) spanProcessors.push(opts.batchSpans ? new BatchSpanProcessor({ exporter: opts.spanExporter }) : new SimpleSpanProcessor({ exporter: opts.spanExporter }));
  // With nowhere to send spans and no sampler asked for, tracing stays off entirely: no provider,
  // no ids, no traceparent (it costs ~15% of the edge's throughput for spans nobody reads).
  // OTEL_TRACES_SAMPLER=always_off without an exporter keeps trace ids in logs and propagation.
  if (spanProcessors.length === 0 && process.env.OTEL_TRACES_SAMPLER) spanProcessors.push(new NoopSpanProcessor());
  sdk = new NodeSDK({
    serviceName: opts.serviceName,
    metricReaders: [prometheus],
    spanProcessors,
    // W3C trace context, which the fast path below speaks; OTEL_PROPAGATORS picks others.
    textMapPropagator: process.env.OTEL_PROPAGATORS ? undefined : new W3CTraceContextPropagator(),
    instrumentations: [],
    resourceDetectors: [],
  });
  sdk.start();
}

export async function stopTelemetry(): Promise<void> {
  const s = sdk;
  sdk = undefined;
  prometheus = undefined;
  await s?.shutdown();
  // The SDK leaves its providers registered as the API's globals, and the API refuses a second
  // registration: without this a later startTelemetry in the same process records nothing.
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
}

/** The Prometheus exporter, once telemetry has started (the HTTP front serves it at /metrics). */
export function prometheusExporter(): PrometheusExporter | undefined {
  return prometheus;
}

/**
 * Bucket bounds (seconds) for duration histograms. The SDK's default bounds (0 … 10000) are meant
 * for milliseconds: a histogram in seconds would put every sample in its first bucket.
 * NATS request-reply answers in well under a millisecond, hence the fine low end.
 */
export const DURATION_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export const tracer = () => trace.getTracer("convene");
export const meter = () => metrics.getMeter("convene");

const setter: TextMapSetter<MsgHdrs> = { set: (carrier, key, value) => carrier.set(key, value) };
const getter: TextMapGetter<MsgHdrs | undefined> = {
  get: (carrier, key) => carrier?.get(key) || undefined,
  keys: (carrier) => (carrier ? [...carrier.keys()] : []),
};

/**
 * Trace context on NATS is W3C traceparent/tracestate unless OTEL_PROPAGATORS asks otherwise.
 * Every request and reply crosses here, so the W3C case is written out: the propagation API's
 * generic path (getter objects, key lists, a composite with baggage) cost ~1 µs a message,
 * a few percent of a request-reply (bench/rpc.ts). Same output as W3CTraceContextPropagator
 * (test in test/telemetry.test.ts).
 */
const w3cOnly = !process.env.OTEL_PROPAGATORS;
const TRACEPARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})(-.*)?$/;

/** Writes the active trace context into NATS headers (creating them if needed). */
export function injectTrace(h: MsgHdrs = natsHeaders(), ctx: Context = context.active()): MsgHdrs {
  if (!w3cOnly) {
    propagation.inject(ctx, h, setter);
    return h;
  }
  const sc = trace.getSpanContext(ctx);
  if (!sc || !trace.isSpanContextValid(sc) || isTracingSuppressed(ctx)) return h;
  h.set("traceparent", `00-${sc.traceId}-${sc.spanId}-0${Number(sc.traceFlags || 0).toString(16)}`);
  if (sc.traceState) h.set("tracestate", sc.traceState.serialize());
  return h;
}

/** Reads a caller's trace context from NATS headers. */
export function extractTrace(h: MsgHdrs | undefined): Context {
  if (!w3cOnly) return propagation.extract(ROOT_CONTEXT, h, getter);
  const header = h?.get("traceparent");
  if (!header) return ROOT_CONTEXT;
  const m = TRACEPARENT.exec(header.trim());
  // Version ff is invalid; version 00 has nothing after the flags.
  if (!m || m[1] === "ff" || (m[1] === "00" && m[5])) return ROOT_CONTEXT;
  const sc = { traceId: m[2], spanId: m[3], traceFlags: parseInt(m[4], 16), isRemote: true, traceState: undefined as TraceState | undefined };
  if (!trace.isSpanContextValid(sc)) return ROOT_CONTEXT;
  const state = h?.get("tracestate");
  if (state) sc.traceState = new TraceState(state);
  return trace.setSpanContext(ROOT_CONTEXT, sc);
}

/** Runs `fn` inside a span; records errors and ends the span whatever happens. */
export async function inSpan<T>(
  name: string,
  opts: { kind: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = opts.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: opts.kind, attributes: opts.attributes }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Current trace and span ids, for log lines. */
export function traceIds(): { trace_id?: string; span_id?: string } {
  const sc = trace.getSpan(context.active())?.spanContext();
  return sc && trace.isSpanContextValid(sc) ? { trace_id: sc.traceId, span_id: sc.spanId } : {};
}
