import { expect } from "chai";
import { trace } from "@opentelemetry/api";
import { PooledIdGenerator } from "../ids.ts";

describe("kit trace and span ids", () => {
  it("are valid W3C ids, lowercase hex of the right length, and do not repeat across pool refills", () => {
    const ids = new PooledIdGenerator();
    const seen = new Set<string>();
    // 20,000 span ids and 20,000 trace ids: many times the 4 KB pool.
    for (let i = 0; i < 20_000; i++) {
      const traceId = ids.generateTraceId();
      const spanId = ids.generateSpanId();
      expect(traceId).to.match(/^[0-9a-f]{32}$/);
      expect(spanId).to.match(/^[0-9a-f]{16}$/);
      expect(trace.isSpanContextValid({ traceId, spanId, traceFlags: 1 })).to.equal(true);
      seen.add(traceId).add(spanId);
    }
    expect(seen.size).to.equal(40_000);
  });

  it("gives two generators different ids", () => {
    const [a, b] = [new PooledIdGenerator(), new PooledIdGenerator()];
    expect(a.generateTraceId()).to.not.equal(b.generateTraceId());
  });
});
