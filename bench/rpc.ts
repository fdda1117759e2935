/**
 * Request-reply cost of the kit. In one run, the same ~200-byte JSON payload with 100 requests in
 * flight: kit call + serve (validation and tracing on), raw NATS request-reply (with and without
 * noAsyncTraces), NATS over one shared inbox without the kit (the transport floor the kit's `call`
 * stands on), and a gRPC unary call. Targets: kit ≥ 80% of raw NATS, ≥ 4× gRPC.
 *   npx node bench/rpc.ts [--seconds 5] [--rounds 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { Type } from "@sinclair/typebox";
import { connect } from "@nats-io/transport-node";
import { trace } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { request as contract } from "../subjects/contract.ts";
import { endpoint, serve } from "../services/kit/serve.ts";
import { call } from "../services/kit/call.ts";
import { request as muxRequest } from "../services/kit/mux.ts";
import { connectNats } from "../services/kit/nats.ts";
import { createLogger } from "../services/kit/log.ts";
import { AppError } from "../services/kit/errors.ts";
import { inSpan, SpanKind, startTelemetry, stopTelemetry } from "../services/kit/trace.ts";
import { freePort, startNats } from "../test/support/nats-server.ts";
import { compare, ratio, table } from "./harness.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    "no-span-exporter": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const inFlight = 100;

const Booking = Type.Object(
  {
    bookingId: Type.String({ format: "uuid" }),
    eventId: Type.String({ format: "uuid" }),
    attendee: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.String({ format: "email" }),
    seats: Type.Integer({ minimum: 1, maximum: 10 }),
    tags: Type.Array(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
const Echo = contract({ subject: "svc.bench.echo", description: "Echoes a booking.", request: Booking, reply: Booking, idempotent: true });
/** Off the measured path: proves the measured one really traces (a recording span, context propagated). */
const Probe = contract({
  subject: "svc.bench.probe",
  description: "Reports the server span of this request.",
  request: Type.Object({}),
  reply: Type.Object({ recording: Type.Boolean(), traceId: Type.String() }),
  idempotent: true,
});
const payload = {
  bookingId: "3c9e1f2a-6b7d-4e8f-9a0b-1c2d3e4f5a6b",
  eventId: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f",
  attendee: "Ada Lovelace",
  email: "ada@example.org",
  seats: 2,
  tags: ["vip", "early-bird", "speaker"],
};
const json = JSON.stringify(payload);
const bytes = new TextEncoder().encode(json);

// An open NATS (no users, no permissions, issue 14): a loopback benchmark, never how the platform runs.
const server = await startNats({ open: true });
// With no span processor the SDK registers no tracer provider at all (sdk-node: `spanProcessors.length
// > 0`), and every kit span is a no-op: what services/main.ts gets when OTEL_EXPORTER_OTLP_ENDPOINT is
// unset. The default here is real spans, handed to an exporter that drops them (what a deployment
// that exports pays, minus the export); --no-span-exporter measures the no-op case.
const withSpans = !args["no-span-exporter"];
// The SDK reads OTEL_TRACES_SAMPLER(_ARG); unset = parent-based always-on, every span recorded.
const sampler = process.env.OTEL_TRACES_SAMPLER
  ? `${process.env.OTEL_TRACES_SAMPLER}${process.env.OTEL_TRACES_SAMPLER_ARG ? `:${process.env.OTEL_TRACES_SAMPLER_ARG}` : ""}`
  : "always_on";
const discard: SpanExporter = { export: (_spans, done) => done({ code: ExportResultCode.SUCCESS }), shutdown: async () => undefined };
// Batched like the OTLP exporter of a deployment: a per-span (simple) processor would charge the
// kit for an export call per span that production never makes.
startTelemetry({ serviceName: "bench-rpc", spanExporter: withSpans ? discard : undefined, batchSpans: true });
const log = createLogger({ name: "bench", level: "silent" });

// The kit: a serving connection and a calling connection, as two services would have.
const servingNats = await connectNats({ servers: server.url, name: "bench-serve" });
const callingNats = await connectNats({ servers: server.url, name: "bench-call" });
const served = await serve(servingNats.nc, { name: "bench", version: "1.0.0", description: "bench", log }, [
  endpoint(Echo, async (input) => input),
  endpoint(Probe, async () => {
    const span = trace.getActiveSpan();
    return { recording: span?.isRecording() ?? false, traceId: span?.spanContext().traceId ?? "" };
  }),
]);

// Raw NATS, the same two-connection shape: a plain subscription that echoes.
const rawServe = await connect({ servers: server.url, noAsyncTraces: true });
const rawCall = await connect({ servers: server.url, noAsyncTraces: true });
const tracedCall = await connect({ servers: server.url, noAsyncTraces: false });
const muxCall = await connect({ servers: server.url, noAsyncTraces: true });
rawServe.subscribe("bench.raw", { queue: "q", callback: (_e, m) => void m.respond(m.data) });
await rawServe.flush();

// gRPC unary, insecure on loopback, the same JSON as a string field.
const protoDir = mkdtempSync(join(tmpdir(), "bench-rpc-"));
writeFileSync(
  join(protoDir, "echo.proto"),
  'syntax = "proto3"; package bench; message Payload { string json = 1; } service Echo { rpc Echo (Payload) returns (Payload); }',
);
const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(join(protoDir, "echo.proto"))) as unknown as {
  bench: { Echo: grpc.ServiceClientConstructor & { service: grpc.ServiceDefinition } };
};
const grpcServer = new grpc.Server();
grpcServer.addService(pkg.bench.Echo.service, {
  Echo: (c: grpc.ServerUnaryCall<{ json: string }, unknown>, cb: grpc.sendUnaryData<{ json: string }>) => cb(null, { json: c.request.json }),
});
const grpcPort = await freePort();
await new Promise<void>((resolve, reject) =>
  grpcServer.bindAsync(`127.0.0.1:${grpcPort}`, grpc.ServerCredentials.createInsecure(), (e) => (e ? reject(e) : resolve()))
);
const grpcClient = new pkg.bench.Echo(`127.0.0.1:${grpcPort}`, grpc.credentials.createInsecure()) as unknown as grpc.Client & {
  Echo(req: { json: string }, cb: (e: grpc.ServiceError | null, r: { json: string }) => void): void;
};
const grpcEcho = () => new Promise<{ json: string }>((resolve, reject) => grpcClient.Echo({ json }, (e, r) => (e ? reject(e) : resolve(r))));

// Before measuring, prove every contender answers the payload, and that the kit path validates
// and traces: a bench that silently measured a no-op tracer or a skipped check would flatter it.
const checks = await sanityChecks();

process.stdout.write(
  `payload ${json.length} bytes, ${inFlight} in flight, spans ${
    withSpans
      ? `recorded (dropping exporter, sampler ${sampler})`
      : (process.env.OTEL_TRACES_SAMPLER ? `unrecorded (no exporter, sampler ${sampler}: ids propagated)` : "off (no exporter, no sampler: no tracer)")
  }, warm-up 1 s each, then ${rounds} interleaved rounds × ${seconds} s; ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}\n`,
);
process.stdout.write(
  `checked: kit reply = payload, invalid request → ${checks.invalid}, server span recording = ${checks.recording}, trace propagated = ${checks.propagated}\n\n`,
);
const KIT = "kit call+serve (validate, trace)";
const RAW = "raw NATS request (noAsyncTraces)";
const TRACED = "raw NATS request (async traces)";
const MUX = "NATS one inbox, no kit";
const GRPC = "gRPC unary (grpc-js)";
const all: Record<string, () => Promise<unknown>> = {
  [KIT]: () => call(callingNats.nc, Echo, payload),
  [RAW]: () => rawCall.request("bench.raw", bytes, { timeout: 5_000 }),
  [TRACED]: () => tracedCall.request("bench.raw", bytes, { timeout: 5_000 }),
  [MUX]: () => muxRequest(muxCall, "bench.raw", bytes, { timeout: 5_000 }),
  [GRPC]: grpcEcho,
};
// --only kit,raw: a subset (kit, raw, traced, inbox, grpc), e.g. for a profile; prints the table, no RESULT.
if (args.only) {
  const ids: Record<string, string> = { kit: KIT, raw: RAW, traced: TRACED, inbox: MUX, grpc: GRPC };
  const picked = args.only.split(",").map((id) => ids[id] ?? id);
  const some = await compare(Object.fromEntries(Object.entries(all).filter(([k]) => picked.includes(k))), { inFlight, seconds, rounds });
  process.stdout.write(`${table(some.median)}\n`);
  if (picked.includes(KIT) && picked.includes(RAW)) process.stdout.write(`kit vs raw ${ratio(some, KIT, RAW).toFixed(3)}\n`);
  // The NATS server is a child process: exiting without stopping it would leave it running.
  await server.stop();
  process.exit(0);
}
const results = await compare(all, { inFlight, seconds, rounds });
const loadAfter = loadavg()[0];
process.stdout.write(`${table(results.median)}\n\n`);
process.stdout.write(
  `req/s per round:\n${
    Object.entries(results.rounds).map(([name, s]) => `  ${name.padEnd(34)} ${s.map((x) => x.rps.toFixed(0).padStart(7)).join(" ")}`).join("\n")
  }\n\n`,
);

const m = results.median;
const r3 = (x: number) => Number(x.toFixed(3));
const ms = (x: number) => Number(x.toFixed(2));
const summary = {
  kit_vs_raw: r3(ratio(results, KIT, RAW)),
  kit_vs_grpc: r3(ratio(results, KIT, GRPC)),
  kit_vs_one_inbox: r3(ratio(results, KIT, MUX)),
  no_async_traces_gain: r3(ratio(results, RAW, TRACED)),
  kit_rps: Math.round(m[KIT].rps),
  raw_rps: Math.round(m[RAW].rps),
  raw_async_traces_rps: Math.round(m[TRACED].rps),
  one_inbox_rps: Math.round(m[MUX].rps),
  grpc_rps: Math.round(m[GRPC].rps),
  kit_p50_ms: ms(m[KIT].p50),
  kit_p99_ms: ms(m[KIT].p99),
  raw_p50_ms: ms(m[RAW].p50),
  raw_p99_ms: ms(m[RAW].p99),
  raw_async_traces_p50_ms: ms(m[TRACED].p50),
  raw_async_traces_p99_ms: ms(m[TRACED].p99),
  one_inbox_p50_ms: ms(m[MUX].p50),
  one_inbox_p99_ms: ms(m[MUX].p99),
  grpc_p50_ms: ms(m[GRPC].p50),
  grpc_p99_ms: ms(m[GRPC].p99),
  errors: Object.values(results.rounds).flat().reduce((n, s) => n + s.errors, 0),
  spans: withSpans ? `recorded, ${sampler}` : process.env.OTEL_TRACES_SAMPLER ? `no exporter, ${sampler}` : "off",
  seconds,
  rounds,
  in_flight: inFlight,
  payload_bytes: json.length,
  load_before_after: [checks.load, Number(loadAfter.toFixed(1))],
};
const targetsMet = summary.kit_vs_raw >= 0.8 && summary.kit_vs_grpc >= 4 && summary.errors === 0;
process.stdout.write(
  `kit vs raw NATS: ${(summary.kit_vs_raw * 100).toFixed(0)}% (target ≥ 80%)   kit vs gRPC: ${summary.kit_vs_grpc.toFixed(2)}× (target ≥ 4×)   ` +
    `kit vs one-inbox NATS: ${(summary.kit_vs_one_inbox * 100).toFixed(0)}%   noAsyncTraces: ${
      summary.no_async_traces_gain.toFixed(2)
    }×   (ratios: median of per-round ratios)\n`,
);

await served.stop();
grpcClient.close();
grpcServer.forceShutdown();
await Promise.all([servingNats.nc.close(), callingNats.nc.close(), rawServe.close(), rawCall.close(), tracedCall.close(), muxCall.close()]);
await stopTelemetry();
await server.stop();
rmSync(protoDir, { recursive: true, force: true });
process.stdout.write(`RESULT ${JSON.stringify({ ...summary, targets_met: targetsMet })}\n`);

async function sanityChecks(): Promise<{ invalid: string; recording: boolean; propagated: boolean; load: number }> {
  const load = Number(loadavg()[0].toFixed(1));
  const fail = (what: string) => {
    throw new Error(`bench sanity check failed: ${what}`);
  };
  if (!isDeepStrictEqual(await call(callingNats.nc, Echo, payload), payload)) fail("kit echo");
  const invalid = await call(callingNats.nc, Echo, { ...payload, seats: 0 }).then(
    () => "accepted",
    (e: unknown) => (e instanceof AppError ? `${e.code} (${e.message})` : String(e)),
  );
  if (!invalid.startsWith("invalid_request")) fail(`an invalid request was ${invalid}`);
  const { recording, propagated } = await inSpan("bench.probe", { kind: SpanKind.INTERNAL }, async (span) => {
    const reply = await call(callingNats.nc, Probe, {});
    return { recording: reply.recording, propagated: reply.traceId === span.spanContext().traceId };
  });
  if (withSpans && sampler === "always_on" && (!recording || !propagated)) fail(`server span recording=${recording} propagated=${propagated}`);
  if (new TextDecoder().decode((await rawCall.request("bench.raw", bytes)).data) !== json) fail("raw echo");
  if (new TextDecoder().decode((await muxRequest(muxCall, "bench.raw", bytes, { timeout: 5_000 })).data) !== json) fail("one-inbox echo");
  if ((await grpcEcho()).json !== json) fail("gRPC echo");
  return { invalid, recording, propagated, load };
}
