/**
 * The kit replaces a few upstream internals on its hot path, each measured in bench/rpc.ts:
 * spans made without the SDK's Tracer (spans.ts), pooled trace and span ids (ids.ts), NATS headers
 * written and read in one pass (headers.ts), duration histograms bound per attribute set (histograms.ts)
 * and W3C trace context read and written inline (trace.ts). `KIT_FAST_PATH=off` puts the stock
 * OpenTelemetry SDK and nats.js back in every one of those places, so the cost of the fast path
 * stays visible (`KIT_FAST_PATH=off npx node bench/rpc.ts`) and its output can be compared with
 * the stock one (services/kit/test/fast-path.test.ts). Read once, when the process starts.
 */
import process from "node:process";

export const fastPath: boolean = process.env.KIT_FAST_PATH !== "off";
