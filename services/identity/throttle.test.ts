import { expect } from "chai";
import { retryAfterSeconds, LIMIT, WINDOW_MS } from "./throttle.ts";

describe("identity throttle", () => {
  const now = 1_800_000_000_000;

  it("allows 9 attempts in a minute and limits the 10th onwards", () => {
    const nine = Array.from({ length: LIMIT - 1 }, (_, i) => now - i * 1000);
    expect(retryAfterSeconds(nine, now)).to.equal(0);
    expect(retryAfterSeconds([...nine, now], now)).to.be.greaterThan(0);
  });

  it("asks to wait until the oldest attempt that keeps the count at 10 leaves the window", () => {
    // 10 attempts 50 s ago … 41 s ago: the oldest leaves the window in 10 s.
    const times = Array.from({ length: LIMIT }, (_, i) => now - 50_000 + i * 1000);
    expect(retryAfterSeconds(times, now)).to.equal(10);
  });

  it("ignores attempts older than the window", () => {
    const old = Array.from({ length: 50 }, (_, i) => now - WINDOW_MS - i);
    expect(retryAfterSeconds(old, now)).to.equal(0);
  });
});
