/**
 * The kit's spans: made here, recorded by the SDK's span processors and exporters.
 *
 * Why not the SDK's Tracer: every request-reply makes two spans, and with every span recorded the
 * Tracer and its SpanImpl cost bench/rpc.ts a third of its throughput (attributes sanitised twice
 * per span, a sampler call and a Context per hop, a Date.now and clock arithmetic per timestamp).
 * A LeanSpan is the same record — the ReadableSpan the processors and the OTLP exporter take, with
 * the SDK's resource, scope, id generator and sampling — built with only the work a span needs.
 * Spans from anything else (libraries, tests calling the API directly) still go through the SDK.
 */
import {
  type Attributes,
  type AttributeValue,
  type Context,
  diag,
  type Exception,
  type HrTime,
  INVALID_SPAN_CONTEXT,
  type Link,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  type SpanKind,
  type SpanStatus,
  SpanStatusCode,
  type TimeInput,
  trace,
  TraceFlags,
} from "@opentelemetry/api";
import {
  hrTimeToMilliseconds,
  type InstrumentationScope,
  isAttributeValue,
  isTimeInputHrTime,
  isTracingSuppressed,
  millisToHrTime,
  timeInputToHrTime,
} from "@opentelemetry/core";
import { type IdGenerator, type ReadableSpan, type Sampler, SamplingDecision, type SpanProcessor, type TimedEvent } from "@opentelemetry/sdk-trace";
import type { Resource } from "@opentelemetry/resources";
import { fastPath } from "./fast-path.ts";

/** Where spans go: set by startTelemetry with the same parts it gives the SDK. */
export type SpanPipeline = {
  processors: SpanProcessor[];
  /** Unset: parent-based, always on — the SDK's default — decided inline without a Context. */
  sampler?: Sampler;
  ids: IdGenerator;
  resource: Resource;
  scope: InstrumentationScope;
};

// The SDK's default span limits: an endless loop of setAttribute or addEvent must not grow a span forever.
const MAX_ATTRIBUTES = 128;
const MAX_EVENTS = 128;

let pipeline: SpanPipeline | undefined;

export function setSpanPipeline(p: SpanPipeline | undefined): void {
  pipeline = p;
}

/**
 * Starts a span as the SDK's Tracer would. `parent` is the parent's span context (from the active
 * context or a message's headers); `parentContext`, when the caller has one, goes to the sampler and
 * the processors' onStart. The attributes object becomes the span's: pass a fresh one.
 */
export function startSpan(name: string, kind: SpanKind, attributes: Attributes, parent: SpanContext | undefined, parentContext?: Context): Span {
  const p = pipeline;
  const validParent = parent && trace.isSpanContextValid(parent) ? parent : undefined;
  if (!fastPath) {
    return trace.getTracer(p?.scope.name ?? "convene").startSpan(
      name,
      { kind, attributes },
      parentContext ?? (validParent ? trace.setSpanContext(ROOT_CONTEXT, validParent) : ROOT_CONTEXT),
    );
  }
  // No tracer provider: what the API's no-op tracer gives — the parent's context carried on, unrecorded.
  if (!p) return trace.wrapSpanContext(validParent ?? INVALID_SPAN_CONTEXT);
  // Exporters suppress tracing around their own requests: as the SDK, make nothing there.
  if (parentContext && isTracingSuppressed(parentContext)) return trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
  const traceId = validParent ? validParent.traceId : p.ids.generateTraceId();
  const spanId = p.ids.generateSpanId();
  let decision: SamplingDecision;
  let traceState = validParent?.traceState;
  if (!p.sampler) {
    decision = !validParent || validParent.traceFlags & TraceFlags.SAMPLED ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD;
  } else {
    const ctx = parentContext ?? (validParent ? trace.setSpanContext(ROOT_CONTEXT, validParent) : ROOT_CONTEXT);
    const result = p.sampler.shouldSample(ctx, traceId, name, kind, attributes, []);
    decision = result.decision;
    if (result.traceState) traceState = result.traceState;
    if (result.attributes) Object.assign(attributes, result.attributes);
  }
  const spanContext: SpanContext = {
    traceId,
    spanId,
    traceFlags: decision === SamplingDecision.RECORD_AND_SAMPLED ? TraceFlags.SAMPLED : TraceFlags.NONE,
    traceState,
  };
  if (decision === SamplingDecision.NOT_RECORD) return trace.wrapSpanContext(spanContext);
  const span = new LeanSpan(p, name, kind, attributes, spanContext, validParent);
  const ctx = parentContext ?? ROOT_CONTEXT;
  for (const processor of p.processors) processor.onStart(span, ctx);
  return span;
}

// timeOrigin is fixed for the process, and its getter allocates a number on every read.
const TIME_ORIGIN = performance.timeOrigin;
const now = () => TIME_ORIGIN + performance.now();
const hrTimeOf = (time: TimeInput | undefined): HrTime => (time === undefined ? millisToHrTime(now()) : timeInputToHrTime(time));
const NONE = Object.freeze([]) as never[];
const UNSET: SpanStatus = Object.freeze({ code: SpanStatusCode.UNSET });

class LeanSpan implements Span, ReadableSpan {
  name: string;
  readonly kind: SpanKind;
  readonly attributes: Attributes;
  readonly parentSpanContext: SpanContext | undefined;
  // Most spans have no links or events: they share one empty list until their first.
  links: Link[] = NONE;
  events: TimedEvent[] = NONE;
  readonly resource: Resource;
  readonly instrumentationScope: InstrumentationScope;
  status: SpanStatus = UNSET;
  ended = false;
  droppedAttributesCount = 0;
  droppedEventsCount = 0;
  droppedLinksCount = 0;
  readonly #context: SpanContext;
  readonly #processors: SpanProcessor[];
  // Times are kept in epoch milliseconds and turned into [s, ns] when an exporter reads them.
  readonly #startMs: number;
  #endMs = -1;

  constructor(p: SpanPipeline, name: string, kind: SpanKind, attributes: Attributes, spanContext: SpanContext, parent: SpanContext | undefined) {
    this.#startMs = now();
    this.name = name;
    this.kind = kind;
    this.attributes = attributes;
    this.#context = spanContext;
    this.parentSpanContext = parent;
    this.resource = p.resource;
    this.instrumentationScope = p.scope;
    this.#processors = p.processors;
  }

  get startTime(): HrTime {
    return millisToHrTime(this.#startMs);
  }

  get endTime(): HrTime {
    return this.ended ? millisToHrTime(this.#endMs) : [0, 0];
  }

  get duration(): HrTime {
    return this.ended ? millisToHrTime(Math.max(0, this.#endMs - this.#startMs)) : [-1, -1];
  }

  spanContext(): SpanContext {
    return this.#context;
  }

  isRecording(): boolean {
    return !this.ended;
  }

  setAttribute(key: string, value: AttributeValue | undefined): this {
    if (this.ended || value === undefined || !key || !isAttributeValue(value)) return this;
    if (!(key in this.attributes) && Object.keys(this.attributes).length >= MAX_ATTRIBUTES) {
      this.droppedAttributesCount++;
      return this;
    }
    (this.attributes as Record<string, AttributeValue>)[key] = value;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const [key, value] of Object.entries(attributes)) this.setAttribute(key, value);
    return this;
  }

  addEvent(name: string, attributesOrTime?: Attributes | TimeInput, time?: TimeInput): this {
    if (this.ended) return this;
    if (this.events.length >= MAX_EVENTS) {
      this.droppedEventsCount++;
      return this;
    }
    const isTime = attributesOrTime instanceof Date || typeof attributesOrTime === "number" || isTimeInputHrTime(attributesOrTime);
    const attributes = isTime ? {} : ((attributesOrTime as Attributes | undefined) ?? {});
    if (this.events === NONE) this.events = [];
    this.events.push({ name, attributes, time: hrTimeOf(isTime ? (attributesOrTime as TimeInput) : time), droppedAttributesCount: 0 });
    return this;
  }

  addLink(link: Link): this {
    if (this.ended) return this;
    if (this.links === NONE) this.links = [];
    this.links.push(link);
    return this;
  }

  addLinks(links: Link[]): this {
    for (const link of links) this.addLink(link);
    return this;
  }

  setStatus(status: SpanStatus): this {
    // As the SDK: OK is final, and UNSET never overrides a status already set.
    if (this.ended || this.status.code === SpanStatusCode.OK || status.code === SpanStatusCode.UNSET) return this;
    this.status = status.code === SpanStatusCode.ERROR && typeof status.message === "string"
      ? { code: status.code, message: status.message }
      : { code: status.code };
    return this;
  }

  updateName(name: string): this {
    if (!this.ended) this.name = name;
    return this;
  }

  recordException(exception: Exception, time?: TimeInput): void {
    const attributes: Attributes = {};
    if (typeof exception === "string") attributes["exception.message"] = exception;
    else if (exception) {
      const type = exception.code !== undefined ? String(exception.code) : exception.name;
      if (type) attributes["exception.type"] = type;
      if (exception.message) attributes["exception.message"] = exception.message;
      if (exception.stack) attributes["exception.stacktrace"] = exception.stack;
    }
    if (attributes["exception.type"] || attributes["exception.message"]) this.addEvent("exception", attributes, time);
    else diag.warn(`failed to record an exception: ${String(exception)}`);
  }

  end(endTime?: TimeInput): void {
    if (this.ended) {
      diag.error(`${this.name} ${this.#context.traceId}-${this.#context.spanId}: end() called on an ended span`);
      return;
    }
    for (const processor of this.#processors) processor.onEnding?.(this);
    this.#endMs = endTime === undefined ? now() : hrTimeToMilliseconds(timeInputToHrTime(endTime));
    this.ended = true;
    for (const processor of this.#processors) processor.onEnd(this);
  }
}
