/**
 * The kit's fast paths (kit/fast-path.ts) must not change what an operator sees: the same
 * request-reply, run once on the fast path and once with KIT_FAST_PATH=off (the stock
 * OpenTelemetry SDK and nats.js), gives the same spans, the same headers on the wire and the same
 * duration series at /metrics.
 */
import { expect } from "chai";
import { fileURLToPath } from "node:url";
import { spawnTs } from "./helpers.ts";
import { natsEnv } from "../../../test/support/env.ts";

const probe = fileURLToPath(new URL("./support/fast-path-probe.ts", import.meta.url));

async function run(mode: "on" | "off", tag: string): Promise<{ spans: unknown[]; wire: unknown[]; metrics: string[] }> {
  const child = spawnTs(probe, { ...natsEnv(), KIT_FAST_PATH: mode, PROBE_TAG: tag, LOG_LEVEL: "silent" });
  const [, json] = await child.line(/PROBE (.*)\n/, 30_000);
  await child.exited;
  return JSON.parse(json);
}

describe("kit fast paths against the stock SDK and client", function () {
  this.timeout(60_000);

  it("records the same spans, writes the same headers and exports the same metrics either way", async () => {
    const [fast, stock] = await Promise.all([run("on", "fast"), run("off", "stock")]);
    expect(fast.spans, "the probe recorded its spans").to.have.length(5);
    expect(fast.wire).to.have.length(2);
    expect(fast.metrics.length).to.be.greaterThan(4);
    expect(stock.spans).to.deep.equal(fast.spans);
    expect(stock.wire).to.deep.equal(fast.wire);
    expect(stock.metrics).to.deep.equal(fast.metrics);
  });
});
