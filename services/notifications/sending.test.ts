/** The retry rule of a failed send, on a fixed clock: no NATS, no Postgres. */
import { expect } from "chai";
import { nextAttemptAt } from "./sending.ts";

describe("notifications: nextAttemptAt (a failed send's backoff)", () => {
  const now = new Date("2026-12-05T10:00:00.000Z");
  const cfg = { maxAttempts: 5, retryBaseMs: 30_000 };

  it("doubles the wait with each attempt already made, from the clock it is given", () => {
    expect(nextAttemptAt(0, cfg, now)?.toISOString()).to.equal("2026-12-05T10:00:30.000Z");
    expect(nextAttemptAt(1, cfg, now)?.toISOString()).to.equal("2026-12-05T10:01:00.000Z");
    expect(nextAttemptAt(3, cfg, now)?.toISOString()).to.equal("2026-12-05T10:04:00.000Z");
  });

  it("waits what the provider's Retry-After asks instead, even when shorter", () => {
    expect(nextAttemptAt(3, cfg, now, 5_000)?.toISOString()).to.equal("2026-12-05T10:00:05.000Z");
    expect(nextAttemptAt(0, cfg, now, 0)?.toISOString()).to.equal(now.toISOString());
  });

  it("gives up on the last attempt allowed, Retry-After or not", () => {
    expect(nextAttemptAt(4, cfg, now)).to.equal(undefined);
    expect(nextAttemptAt(4, cfg, now, 1_000)).to.equal(undefined);
    expect(nextAttemptAt(0, { maxAttempts: 1, retryBaseMs: 1 }, now)).to.equal(undefined);
  });
});
