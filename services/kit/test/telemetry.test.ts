/**
 * Tracing and metrics need the process-wide SDK (started once per process), so everything that
 * reads spans or /metrics lives in this one file and stops the SDK when done.
 */
import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Type } from "@sinclair/typebox";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { event, request } from "../../../subjects/contract.ts";
import { connectNats, ensureStreams, type Nats } from "../nats.ts";
import { serve, endpoint, type Served } from "../serve.ts";
import { call } from "../call.ts";
import { openDb, migrate, type Db } from "../db.ts";
import { enqueue, outboxMigration, startRelay, type Relay } from "../outbox.ts";
import { on, startConsumer, type RunningConsumer } from "../consume.ts";
import { createOpsApp } from "../http.ts";
import { createLogger } from "../log.ts";
import { headers } from "@nats-io/nats-core";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { context, extractTrace, injectTrace, inSpan, SpanKind, startTelemetry, stopTelemetry, trace, traceIds } from "../trace.ts";
import { databaseUrl, natsUrl } from "../../../test/support/env.ts";
import { eventually, unique } from "./helpers.ts";

const log = createLogger({ name: "telemetry-test", level: "silent" });
const tag = unique();
const Echo = request({
  subject: `svc.kittrace${tag}.echo`,
  description: "Echoes its input (test).",
  request: Type.Object({ text: Type.String() }),
  reply: Type.Object({ text: Type.String() }),
  idempotent: true,
});
const Noted = event({ subject: `evt.kittrace${tag}.noted`, description: "A note was taken (test).", data: Type.Object({ text: Type.String() }) });

describe("kit telemetry", () => {
  const exporter = new InMemorySpanExporter();
  let nats: Nats;
  let served: Served;
  let server: Server;
  let base: string;

  before(async () => {
    startTelemetry({ serviceName: "kit-telemetry-test", spanExporter: exporter });
    nats = await connectNats({ servers: natsUrl(), name: "kit-telemetry-test" });
    await ensureStreams(nats.jsm);
    served = await serve(nats.nc, { name: `kittrace${tag}`, version: "1.0.0", description: "test service", log }, [endpoint(Echo, async (input) => ({ text: input.text }))]);
    server = createServer(createOpsApp({ checks: [] }).app.callback());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await served?.stop();
    await nats?.nc.close();
    await stopTelemetry();
  });
  beforeEach(() => exporter.reset());

  const spans = () => exporter.getFinishedSpans();
  const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  it("makes the SERVER span of a call a child of its CLIENT span, in one trace", async () => {
    await call(nats.nc, Echo, { text: "hi" });
    const server = await eventually("the server span", async () => spans().find((s) => s.kind === SpanKind.SERVER && s.name === Echo.subject));
    const client = spans().find((s) => s.kind === SpanKind.CLIENT && s.name === Echo.subject);
    expect(client, "client span").to.not.equal(undefined);
    expect(server.spanContext().traceId).to.equal(client!.spanContext().traceId);
    expect(parentOf(server)).to.equal(client!.spanContext().spanId);
  });

  it("continues the enqueuing transaction's trace through the relay's publish to the consumer's handling", async function () {
    this.timeout(15_000);
    const schema = `kit_trace_${tag}`;
    const db: Db = await openDb({ schema, url: databaseUrl() });
    await migrate(db, schema, [outboxMigration]);
    let relay: Relay | undefined;
    let consumer: RunningConsumer | undefined;
    try {
      const handledIn: string[] = [];
      consumer = await startConsumer({ ...nats, log }, {
        durable: `kittrace-${tag}`,
        stream: "EVENTS",
        filter: Noted.subject,
        handlers: [on(Noted, async (env) => void handledIn.push(env.id))],
      });
      const { traceId, id } = await inSpan("take a note", { kind: SpanKind.INTERNAL }, async (span) => {
        const env = await db.transaction((trx) => enqueue(trx, Noted, { text: "hello" }, { source: "kit-test" }));
        return { traceId: span.spanContext().traceId, id: env.id };
      });
      relay = startRelay({ db, js: nats.js, schema, log, listenUrl: databaseUrl() });
      await eventually("the consumer to handle the event", async () => handledIn.includes(id));
      const consume = await eventually("the consumer span", async () => spans().find((s) => s.kind === SpanKind.CONSUMER && s.name === `consume ${Noted.subject}`));
      const publish = spans().find((s) => s.kind === SpanKind.PRODUCER && s.name === `publish ${Noted.subject}`);
      const root = spans().find((s) => s.name === "take a note");
      expect(publish, "producer span").to.not.equal(undefined);
      expect(consume.spanContext().traceId).to.equal(traceId);
      expect(publish!.spanContext().traceId).to.equal(traceId);
      expect(parentOf(publish!)).to.equal(root!.spanContext().spanId);
      expect(parentOf(consume)).to.equal(publish!.spanContext().spanId);
    } finally {
      await consumer?.stop();
      await relay?.stop();
      await db.destroy();
    }
  });

  it("serves Prometheus text at /metrics with the request-reply duration histogram after a call", async () => {
    await call(nats.nc, Echo, { text: "metrics" });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.match(/^text\/plain/);
    const text = await res.text();
    if (process.env.PRINT_METRICS) process.stdout.write(text);
    expect(text).to.include("# TYPE rpc_server_duration_seconds histogram");
    expect(text).to.match(new RegExp(`rpc_server_duration_seconds_count\\{[^}]*rpc_method="${Echo.subject.replaceAll(".", "\\.")}"[^}]*\\} [1-9]`));
    expect(text).to.match(/rpc_server_duration_seconds_bucket\{[^}]*le="\+Inf"/);
    // Buckets in seconds: a sub-millisecond answer must not land in the same bucket as a 5 s one.
    const count = (le: string) => Number(text.match(new RegExp(`rpc_server_duration_seconds_bucket\\{[^}]*rpc_method="${Echo.subject.replaceAll(".", "\\.")}"[^}]*le="${le}"\\} (\\d+)`))?.[1]);
    expect(count("0.1")).to.be.greaterThan(0);
    expect(count("0.0005"), "a 0.5 ms bucket exists").to.be.at.least(0);
  });
});

describe("kit startTelemetry after stopTelemetry", () => {
  it("records spans again when started a second time in the same process", async () => {
    for (let round = 0; round < 2; round++) {
      const exporter = new InMemorySpanExporter();
      startTelemetry({ serviceName: "kit-telemetry-restart", spanExporter: exporter });
      await inSpan("round", { kind: SpanKind.INTERNAL }, async () => undefined);
      // Read before stopping: shutting the SDK down empties the in-memory exporter.
      const names = exporter.getFinishedSpans().map((s) => s.name);
      await stopTelemetry();
      expect(names, `round ${round + 1}`).to.deep.equal(["round"]);
    }
  });
});

describe("kit telemetry without an exporter, OTEL_TRACES_SAMPLER=always_off", () => {
  let nats: Nats;
  let served: Served;
  let seen: { traceId?: string; recording?: boolean } = {};
  const Peek = request({
    subject: `svc.kittrace${tag}.peek`,
    description: "Reports the trace id the responder runs under (test).",
    request: Type.Object({}),
    reply: Type.Object({}),
    idempotent: true,
  });

  before(async () => {
    process.env.OTEL_TRACES_SAMPLER = "always_off";
    startTelemetry({ serviceName: "kit-telemetry-noexport" });
    nats = await connectNats({ servers: natsUrl(), name: "kit-telemetry-noexport" });
    served = await serve(nats.nc, { name: `kitpeek${tag}`, version: "1.0.0", description: "test service", log }, [
      endpoint(Peek, async () => {
        seen = { traceId: traceIds().trace_id, recording: trace.getActiveSpan()?.isRecording() };
        return {};
      }),
    ]);
  });
  after(async () => {
    await served?.stop();
    await nats?.nc.close();
    await stopTelemetry();
    delete process.env.OTEL_TRACES_SAMPLER;
  });

  it("still carries an incoming trace id through a call into the responder's logs, recording no span", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const incoming = extractTrace(withTraceparent(`00-${traceId}-00f067aa0ba902b7-01`));
    await context.with(incoming, () => call(nats.nc, Peek, {}));
    expect(seen.traceId).to.equal(traceId);
    expect(seen.recording).to.equal(false);
  });
});

function withTraceparent(value: string) {
  const h = headers();
  h.set("traceparent", value);
  return h;
}

describe("trace context on NATS headers (the W3C fast path)", () => {
  const reference = new W3CTraceContextPropagator();
  const getter = { get: (c: ReturnType<typeof headers>, k: string) => c.get(k) || undefined, keys: (c: ReturnType<typeof headers>) => [...c.keys()] };
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const parents = [
    `00-${traceId}-00f067aa0ba902b7-01`,
    `00-${traceId}-00f067aa0ba902b7-00`,
    `00-${traceId}-00f067aa0ba902b7-01-extra`,
    `01-${traceId}-00f067aa0ba902b7-01-future`,
    `ff-${traceId}-00f067aa0ba902b7-01`,
    `00-${"0".repeat(32)}-00f067aa0ba902b7-01`,
    `00-${traceId}-${"0".repeat(16)}-01`,
    `00-${traceId.toUpperCase()}-00f067aa0ba902b7-01`,
    ` 00-${traceId}-00f067aa0ba902b7-01 `,
    "garbage",
  ];

  it("reads traceparent and tracestate exactly as the SDK's W3C propagator does", () => {
    for (const value of parents) {
      for (const state of [undefined, "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"]) {
        const h = withTraceparent(value);
        if (state) h.set("tracestate", state);
        const mine = trace.getSpanContext(extractTrace(h));
        const theirs = trace.getSpanContext(reference.extract(context.active(), h, getter));
        expect({ ...mine, traceState: mine?.traceState?.serialize() }, value).to.deep.equal({ ...theirs, traceState: theirs?.traceState?.serialize() });
      }
    }
  });

  it("writes the same headers as the SDK's W3C propagator", () => {
    for (const value of parents.slice(0, 2)) {
      const ctx = extractTrace(withTraceparent(value));
      const mine = injectTrace(headers(), ctx);
      const theirs = headers();
      reference.inject(ctx, theirs, { set: (c, k, v) => c.set(k, v) });
      expect(mine.get("traceparent"), value).to.equal(theirs.get("traceparent"));
      expect(mine.get("tracestate")).to.equal(theirs.get("tracestate"));
    }
    // No valid context: no header at all.
    expect([...injectTrace(headers(), context.active()).keys()]).to.deep.equal([]);
  });
});
