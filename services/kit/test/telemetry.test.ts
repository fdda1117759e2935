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
import { ensureStreams, type Nats } from "../nats.ts";
import { endpoint, serve, type Served } from "../serve.ts";
import { call } from "../call.ts";
import { type Db, migrate, openDb } from "../db.ts";
import { enqueue, outboxMigration, type Relay, startRelay } from "../outbox.ts";
import { on, type RunningConsumer, startConsumer } from "../consume.ts";
import Koa from "koa";
import { Router } from "@koa/router";
import { createOpsApp, httpMetrics } from "../http.ts";
import { createLogger } from "../log.ts";
import { headers } from "@nats-io/nats-core";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { context, extractTrace, injectTrace, inSpan, SpanKind, SpanStatusCode, startTelemetry, stopTelemetry, trace, traceIds, tracer } from "../trace.ts";
import { KitHeaders } from "../headers.ts";
import { databaseUrl, testNats } from "../../../test/support/env.ts";
import { unique } from "./helpers.ts";
import { eventually } from "../../../test/support/eventually.ts";

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
    nats = await testNats("kit-telemetry-test");
    await ensureStreams(nats.jsm);
    served = await serve(nats.nc, { name: `kittrace${tag}`, version: "1.0.0", description: "test service", log }, [
      endpoint(Echo, async (input) => {
        if (input.text === "boom") throw new RangeError("seat map corrupt");
        return { text: input.text };
      }),
    ]);
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

  it("marks the SERVER span failed for a failure of the service, not for a caller's bad request", async () => {
    await call(nats.nc, Echo, { text: "boom" }).catch(() => undefined);
    await call(nats.nc, Echo, { text: 42 } as unknown as { text: string }).catch(() => undefined);
    const servers = await eventually("both server spans", async () => {
      const found = spans().filter((s) => s.kind === SpanKind.SERVER && s.name === Echo.subject);
      return found.length === 2 ? found : undefined;
    });
    const [failed, refused] = [
      servers.find((s) => s.attributes["error.code"] === "internal")!,
      servers.find((s) => s.attributes["error.code"] === "invalid_request")!,
    ];
    expect(failed.status).to.deep.equal({ code: SpanStatusCode.ERROR, message: "internal error" });
    expect(failed.events.map((e) => [e.name, e.attributes?.["exception.message"]])).to.deep.equal([["exception", "seat map corrupt"]]);
    expect(refused.status.code).to.equal(SpanStatusCode.UNSET);
    expect(refused.events).to.deep.equal([]);
  });

  it("records the kit's spans with the SDK's resource and scope, their parents, times and errors", async () => {
    const outer = await inSpan("outer", { kind: SpanKind.INTERNAL, attributes: { "app.step": 1 } }, async (span) => {
      await inSpan("inner", { kind: SpanKind.INTERNAL }, async () => new Promise((r) => setTimeout(r, 25)));
      await inSpan("failing", { kind: SpanKind.INTERNAL }, async () => {
        throw new TypeError("no such seat");
      }).catch(() => undefined);
      span.addEvent("checked", { seats: 3 });
      return span.spanContext();
    });
    const byName = (name: string) => spans().find((s) => s.name === name)!;
    const [o, i, f] = [byName("outer"), byName("inner"), byName("failing")];
    expect(o.resource.attributes["service.name"]).to.equal("kit-telemetry-test");
    expect(o.resource.attributes["telemetry.sdk.name"]).to.equal("opentelemetry");
    expect(o.instrumentationScope.name).to.equal("convene");
    expect(o.spanContext()).to.deep.equal(outer);
    expect(o.parentSpanContext).to.equal(undefined);
    expect(o.attributes).to.deep.equal({ "app.step": 1 });
    expect(o.events.map((e) => [e.name, e.attributes])).to.deep.equal([["checked", { seats: 3 }]]);
    expect(parentOf(i)).to.equal(outer.spanId);
    expect(parentOf(f)).to.equal(outer.spanId);
    expect(i.spanContext().traceId).to.equal(outer.traceId);
    // Times in [seconds, nanoseconds], as the SDK's spans carry them.
    const ms = (t: [number, number]) => t[0] * 1e3 + t[1] / 1e6;
    expect(ms(i.duration)).to.be.within(20, 5_000);
    expect(ms(i.endTime) - ms(i.startTime)).to.be.closeTo(ms(i.duration), 0.01);
    expect(Math.abs(ms(o.startTime) - Date.now())).to.be.below(10_000);
    expect(ms(o.startTime)).to.be.at.most(ms(i.startTime));
    expect(ms(o.endTime)).to.be.at.least(ms(i.endTime));
    expect(f.status).to.deep.equal({ code: SpanStatusCode.ERROR, message: "no such seat" });
    expect(f.events[0].name).to.equal("exception");
    expect(f.events[0].attributes).to.include({ "exception.type": "TypeError", "exception.message": "no such seat" });
    expect(o.status.code).to.equal(SpanStatusCode.UNSET);
    expect(o.ended && i.ended && f.ended).to.equal(true);
  });

  it("nests the kit's spans and the SDK's own in one trace, either way round", async () => {
    const sdkSpan = tracer().startSpan("sdk outer");
    const kitSpanContext = await context.with(trace.setSpan(context.active(), sdkSpan), () =>
      inSpan("kit middle", { kind: SpanKind.INTERNAL }, async () => {
        tracer().startSpan("sdk inner").end();
        return trace.getActiveSpan()!.spanContext();
      }));
    sdkSpan.end();
    const inner = spans().find((s) => s.name === "sdk inner")!;
    expect(kitSpanContext.traceId).to.equal(sdkSpan.spanContext().traceId);
    expect(parentOf(spans().find((s) => s.name === "kit middle")!)).to.equal(sdkSpan.spanContext().spanId);
    expect(parentOf(inner)).to.equal(kitSpanContext.spanId);
  });

  it("records nothing under a caller that did not sample its trace, yet carries the trace on", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const remote = trace.getSpanContext(extractTrace(withTraceparent(`00-${traceId}-00f067aa0ba902b7-00`)))!;
    const seen = await inSpan("unsampled", { kind: SpanKind.SERVER, remote }, async (span) => ({ recording: span.isRecording(), sc: span.spanContext() }));
    expect(seen.recording).to.equal(false);
    expect(seen.sc.traceId).to.equal(traceId);
    expect(injectTrace(headers(), trace.setSpanContext(context.active(), seen.sc)).get("traceparent")).to.match(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
    expect(spans().map((s) => s.name)).to.not.include("unsampled");
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
      const consume = await eventually(
        "the consumer span",
        async () => spans().find((s) => s.kind === SpanKind.CONSUMER && s.name === `consume ${Noted.subject}`),
      );
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
    const count = (le: string) =>
      Number(
        text.match(new RegExp(`rpc_server_duration_seconds_bucket\\{[^}]*rpc_method="${Echo.subject.replaceAll(".", "\\.")}"[^}]*le="${le}"\\} (\\d+)`))?.[1],
      );
    expect(count("0.1")).to.be.greaterThan(0);
    expect(count("0.0005"), "a 0.5 ms bucket exists").to.be.at.least(0);
  });

  it("counts HTTP requests by service, route template and status at /metrics", async () => {
    const app = new Koa();
    const router = new Router();
    router.get("/things/:id", (ctx) => {
      ctx.status = ctx.params.id === "missing" ? 404 : 200;
      ctx.body = { id: ctx.params.id };
    });
    app.use(httpMetrics(`web${tag}`)).use(router.routes());
    const web = createServer(app.callback());
    await new Promise<void>((r) => web.listen(0, "127.0.0.1", r));
    try {
      const at = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
      for (const id of ["a", "b", "missing"]) await (await fetch(`${at}/things/${id}`)).text();
    } finally {
      web.close();
    }
    const text = await (await fetch(`${base}/metrics`)).text();
    const count = (status: number) =>
      Number(
        text.match(
          new RegExp(
            `http_server_request_duration_seconds_count\\{service="web${tag}",http_route="/things/:id",http_response_status_code="${status}"[^}]*\\} (\\d+)`,
          ),
        )?.[1],
      );
    expect(count(200)).to.equal(2);
    expect(count(404)).to.equal(1);
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
    nats = await testNats("kit-telemetry-noexport");
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

describe("kit telemetry with OTEL_TRACES_SAMPLER=parentbased_traceidratio and a ratio of 0", () => {
  const exporter = new InMemorySpanExporter();
  before(() => {
    process.env.OTEL_TRACES_SAMPLER = "parentbased_traceidratio";
    process.env.OTEL_TRACES_SAMPLER_ARG = "0";
    startTelemetry({ serviceName: "kit-telemetry-ratio", spanExporter: exporter });
  });
  after(async () => {
    await stopTelemetry();
    delete process.env.OTEL_TRACES_SAMPLER;
    delete process.env.OTEL_TRACES_SAMPLER_ARG;
  });

  it("samples the kit's spans as the SDK's: no new trace is recorded, a sampled caller's trace is", async () => {
    const root = await inSpan("kit root", { kind: SpanKind.INTERNAL }, async (span) => span.isRecording());
    const sdkRoot = tracer().startSpan("sdk root");
    sdkRoot.end();
    const remote = trace.getSpanContext(extractTrace(withTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))!;
    const child = await inSpan("kit child", { kind: SpanKind.SERVER, remote }, async (span) => span.isRecording());
    expect(root).to.equal(false);
    expect(sdkRoot.isRecording()).to.equal(false);
    expect(child).to.equal(true);
    expect(exporter.getFinishedSpans().map((s) => s.name)).to.deep.equal(["kit child"]);
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
      const kits = injectTrace(new KitHeaders(), ctx);
      const theirs = headers();
      reference.inject(ctx, theirs, { set: (c, k, v) => c.set(k, v) });
      expect(mine.get("traceparent"), value).to.equal(theirs.get("traceparent"));
      expect(mine.get("tracestate")).to.equal(theirs.get("tracestate"));
      expect(kits.get("traceparent"), value).to.equal(theirs.get("traceparent"));
    }
    // No valid context: no header at all.
    expect([...injectTrace(headers(), context.active()).keys()]).to.deep.equal([]);
  });
});
