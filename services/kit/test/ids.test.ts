import { expect } from "chai";
import { trace } from "@opentelemetry/api";
import { PooledIdGenerator, timeOrderedId } from "../ids.ts";

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

describe("kit time-ordered ids", () => {
  it("are UUIDv7s that never repeat across pool refills and sort by the millisecond they were made in", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2_000; i++) ids.push(timeOrderedId());
    await new Promise((r) => setTimeout(r, 2));
    const later = timeOrderedId();
    expect(new Set(ids).size).to.equal(2_000);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the time in ms: every id made before the pause sorts before the later one.
    expect(ids.every((id) => id < later)).to.equal(true);
    expect(Number.parseInt(later.replace("-", "").slice(0, 12), 16)).to.be.within(Date.now() - 1_000, Date.now());
  });
});
