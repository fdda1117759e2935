/**
 * OpenTelemetry for the process: traces (exported over OTLP when configured) and metrics (served
 * by Prometheus' pull at /metrics). Trace context crosses NATS in message headers (W3C
 * traceparent), so one trace runs HTTP → request/reply → JetStream → consumer.
 */
import {
  type Context,
  context,
  INVALID_SPANID,
  INVALID_TRACEID,
  metrics,
  propagation,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type TextMapSetter,
  trace,
} from "@opentelemetry/api";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { getBooleanFromEnv, isTracingSuppressed, TraceState, W3CTraceContextPropagator } from "@opentelemetry/core";
import type { Msg, MsgHdrs } from "@nats-io/nats-core";
import { headers as natsHeaders } from "@nats-io/nats-core";
import { setSpanPipeline, startSpan } from "./spans.ts";
import { PooledIdGenerator } from "./ids.ts";
import { fastPath } from "./fast-path.ts";
import { putHeader, type RequestHeaders } from "./headers.ts";
import { boundHistograms } from "./histograms.ts";

export { type Context, context, ROOT_CONTEXT, type Span, type SpanContext, SpanKind, SpanStatusCode, trace };

let sdk: NodeSDK | undefined;
let prometheus: PrometheusExporter | undefined;

/**
 * Starts the SDK once per process. `spanExporter` lets tests collect spans in memory (handed over
 * one by one, so a test sees a span as soon as it ends; `batchSpans` batches them as a deployment
 * exporting over OTLP does); `otlpEndpoint` sends them to a collector.
 */
export function startTelemetry(opts: { serviceName: string; otlpEndpoint?: string; spanExporter?: SpanExporter; batchSpans?: boolean }): void {
  if (sdk) return;
  prometheus = new PrometheusExporter({ preventServerStart: true, metricProducers: [boundHistograms] });
  const spanProcessors: SpanProcessor[] = [];
  if (opts.otlpEndpoint) {
    spanProcessors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${opts.otlpEndpoint.replace(/\/$/, "")}/v1/traces` }) }));
  }
  if (opts.spanExporter) {
    spanProcessors.push(opts.batchSpans ? new BatchSpanProcessor({ exporter: opts.spanExporter }) : new SimpleSpanProcessor({ exporter: opts.spanExporter }));
  }
  // With nowhere to send spans and no sampler asked for, tracing stays off entirely: no provider,
  // no ids, no traceparent (it costs ~15% of the edge's throughput for spans nobody reads).
  // OTEL_TRACES_SAMPLER=always_off without an exporter keeps trace ids in logs and propagation.
  if (spanProcessors.length === 0 && process.env.OTEL_TRACES_SAMPLER) spanProcessors.push(new NoopSpanProcessor());
  // The kit's own spans (spans.ts) and the SDK's share these parts, so both are sampled, stamped
  // and exported alike.
  const sampler = samplerFromEnv();
  const ids = fastPath ? new PooledIdGenerator() : undefined;
  const resource = defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: opts.serviceName }));
  sdk = new NodeSDK({
    resource,
    sampler,
    idGenerator: ids, // undefined: the SDK's own
    metricReaders: [prometheus],
    spanProcessors,
    // W3C trace context, which the fast path below speaks; OTEL_PROPAGATORS picks others.
    textMapPropagator: process.env.OTEL_PROPAGATORS ? undefined : new W3CTraceContextPropagator(),
    instrumentations: [],
    resourceDetectors: [],
  });
  sdk.start();
  const tracing = spanProcessors.length > 0 && !getBooleanFromEnv("OTEL_SDK_DISABLED");
  setSpanPipeline(tracing && ids ? { processors: spanProcessors, sampler, ids, resource, scope: { name: TRACER_NAME } } : undefined);
}

/** OTEL_TRACES_SAMPLER(_ARG) as the SDK reads them (the kit's config has checked the values); unset: the SDK's default. */
function samplerFromEnv(): Sampler | undefined {
  const ratio = () => Number(process.env.OTEL_TRACES_SAMPLER_ARG ?? 1);
  switch (process.env.OTEL_TRACES_SAMPLER) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "traceidratio":
      return new TraceIdRatioBasedSampler(ratio());
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio()) });
    default:
      return undefined;
  }
}

export async function stopTelemetry(): Promise<void> {
  const s = sdk;
  sdk = undefined;
  setSpanPipeline(undefined);
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

const TRACER_NAME = "convene";
export const tracer = () => trace.getTracer(TRACER_NAME);
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
const w3cOnly = fastPath && !process.env.OTEL_PROPAGATORS;
const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}(-.*)?$/;

/** Writes the active trace context into NATS headers (creating them if needed). */
export function injectTrace<H extends MsgHdrs = MsgHdrs>(h: H = natsHeaders() as H, ctx: Context = context.active()): H {
  if (!w3cOnly) {
    propagation.inject(ctx, h, setter);
    return h;
  }
  const sc = trace.getSpanContext(ctx);
  if (sc && !isTracingSuppressed(ctx)) putW3c(h, sc);
  return h;
}

/**
 * Writes `span`, a child of `parent`, into NATS headers: what `injectTrace(h, trace.setSpan(parent,
 * span))` writes, without making that context (a Map copy and three closures) when only the
 * headers read it — `call` does this on every request.
 */
export function injectSpan<H extends MsgHdrs>(h: H, span: Span, parent: Context): H {
  if (!w3cOnly) return injectTrace(h, trace.setSpan(parent, span));
  if (!isTracingSuppressed(parent)) putW3c(h, span.spanContext());
  return h;
}

function putW3c(h: MsgHdrs, sc: SpanContext): void {
  if (!trace.isSpanContextValid(sc)) return;
  putHeader(h, "traceparent", `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 0xff).toString(16).padStart(2, "0")}`);
  if (sc.traceState) putHeader(h, "tracestate", sc.traceState.serialize());
}

/** Reads a caller's trace context from NATS headers. */
export function extractTrace(h: MsgHdrs | undefined): Context {
  if (!w3cOnly) return propagation.extract(ROOT_CONTEXT, h, getter);
  const sc = extractSpanContext(h);
  return sc ? trace.setSpanContext(ROOT_CONTEXT, sc) : ROOT_CONTEXT;
}

/** The caller's span context from NATS headers, if it sent a valid one. */
export function extractSpanContext(h: MsgHdrs | undefined): SpanContext | undefined {
  if (!h) return undefined;
  if (!w3cOnly) return trace.getSpanContext(propagation.extract(ROOT_CONTEXT, h, getter));
  // One pass over the headers: MsgHdrs.get copies and filters the key list on every call.
  let traceparent: string | undefined;
  let tracestate: string | undefined;
  for (const [key, values] of h) {
    if (key === "traceparent") traceparent = values[0];
    else if (key === "tracestate") tracestate = values[0];
  }
  return w3cSpanContext(traceparent, tracestate);
}

/**
 * The caller's span context from a request's headers as `serve` read them (headers.ts
 * readRequestHeaders); through the propagation API and `msg.headers` when that is not W3C only.
 */
export function requestSpanContext(read: RequestHeaders, msg: Msg): SpanContext | undefined {
  return w3cOnly ? w3cSpanContext(read.traceparent, read.tracestate) : extractSpanContext(msg.headers);
}

function w3cSpanContext(traceparent: string | undefined, tracestate: string | undefined): SpanContext | undefined {
  if (!traceparent) return undefined;
  const header = traceparent.trim();
  // Version ff is invalid; version 00 has nothing after the flags; later versions may add fields.
  if (!TRACEPARENT.test(header) || header.startsWith("ff") || (header.startsWith("00") && header.length !== 55)) return undefined;
  const sc: SpanContext = { traceId: header.slice(3, 35), spanId: header.slice(36, 52), traceFlags: parseInt(header.slice(53, 55), 16), isRemote: true };
  // TRACEPARENT has checked the hex, what isSpanContextValid checks again by regex: only the all-zero ids are left.
  if (sc.traceId === INVALID_TRACEID || sc.spanId === INVALID_SPANID) return undefined;
  if (tracestate) sc.traceState = new TraceState(tracestate);
  return sc;
}

/**
 * Runs `fn` inside a span, active for everything `fn` does; records errors and ends the span
 * whatever happens. The parent is the active context unless `parent` gives another, or `remote`
 * gives a caller's span context read from a message (see extractSpanContext).
 */
export async function inSpan<T>(
  name: string,
  opts: { kind: SpanKind; parent?: Context; remote?: SpanContext; attributes?: Record<string, string | number | boolean> },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = opts.remote ? ROOT_CONTEXT : (opts.parent ?? context.active());
  const span = startSpan(name, opts.kind, { ...opts.attributes }, opts.remote ?? trace.getSpanContext(parent), opts.remote ? undefined : parent);
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
