/**
 * Runs one traced request-reply (a success and a service failure) through serve and call, with
 * whatever KIT_FAST_PATH the environment says, and prints what an operator would see: the spans
 * (ids replaced by names), the headers on the wire and the duration series at /metrics.
 * services/kit/test/fast-path.test.ts runs it both ways and compares.
 */
import process from "node:process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Type } from "@sinclair/typebox";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace";
import { request } from "../../../../subjects/contract.ts";
import { connectNats } from "../../nats.ts";
import { endpoint, serve } from "../../serve.ts";
import { call } from "../../call.ts";
import { AppError } from "../../errors.ts";
import { createOpsApp } from "../../http.ts";
import { createLogger } from "../../log.ts";
import { inSpan, SpanKind, startTelemetry, stopTelemetry } from "../../trace.ts";

const tag = process.env.PROBE_TAG ?? "x";
const Echo = request({
  subject: `svc.probe${tag}.echo`,
  description: "Echoes (test).",
  request: Type.Object({ text: Type.String() }),
  reply: Type.Object({ text: Type.String() }),
  idempotent: false,
});

const exporter = new InMemorySpanExporter();
startTelemetry({ serviceName: "probe", spanExporter: exporter });
const nats = await connectNats({ servers: process.env.NATS_URL!, seed: process.env.NATS_NKEY_SEED, name: "fast-path-probe" });
const wire: Array<Record<string, string>> = [];
const tap = nats.nc.subscribe(Echo.subject, {
  callback: (_e, m) =>
    void wire.push(
      Object.fromEntries(
        [...(m.headers ?? [])].map((
          [k, v],
        ) => [k, k === "traceparent" ? v[0].replace(/[0-9a-f]{32}-[0-9a-f]{16}/, "T-S") : k === "convene-deadline" ? "D" : v[0]]),
      ),
    ),
});
const served = await serve(nats.nc, { name: `probe${tag}`, version: "0.0.1", description: "probe", log: createLogger({ name: "probe", level: "silent" }) }, [
  endpoint(Echo, async (input) => {
    if (input.text === "fail") throw new AppError("internal", "the probe fails on purpose", { status: 500 });
    return { text: input.text };
  }),
]);
await inSpan("probe.parent", { kind: SpanKind.INTERNAL }, async () => {
  await call(nats.nc, Echo, { text: "hello" }, { timeoutMs: 5_000 });
  await call(nats.nc, Echo, { text: "fail" }, { timeoutMs: 5_000 }).catch(() => undefined);
});
await nats.nc.flush();

const ops = createOpsApp({ checks: [] });
const server = createServer(ops.app.callback());
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const text = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)).text();
server.close();
const metrics = text.split("\n").filter((l) => l.startsWith("rpc_server_duration_seconds") && !l.startsWith("#")).map((l) =>
  (l.startsWith("rpc_server_duration_seconds_count") ? l : l.replace(/ [\d.e+-]+( \d+)?$/, "")).replace(/rpc_method="[^"]+"/, 'rpc_method="M"')
).sort();

const spans = exporter.getFinishedSpans();
const nameOf = new Map(spans.map((s) => [s.spanContext().spanId, s.name]));
const view = spans
  .map((s) => ({
    name: s.name.replace(Echo.subject, "ECHO"),
    kind: s.kind,
    parent: s.parentSpanContext ? (nameOf.get(s.parentSpanContext.spanId) ?? "remote").replace(Echo.subject, "ECHO") : null,
    sameTrace: s.spanContext().traceId === spans[0].spanContext().traceId,
    status: s.status.code,
    attributes: Object.fromEntries(Object.entries(s.attributes).map(([k, v]) => [k, String(v).replace(Echo.subject, "ECHO")]).sort()),
    events: s.events.map((e) => e.name),
    scope: s.instrumentationScope.name,
    service: s.resource.attributes["service.name"],
  }))
  .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
tap.unsubscribe();
await served.stop();
await nats.nc.close();
await stopTelemetry();
process.stdout.write(`PROBE ${JSON.stringify({ spans: view, wire, metrics })}\n`);
