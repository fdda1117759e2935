import { expect } from "chai";
import { accountKey, ipKey, LIMIT, retryAfterSeconds, SECOND_FACTOR_WINDOW_MS, secondFactorKey, waitSeconds, WINDOW_MS } from "./throttle.ts";

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

  it("counts an IPv6 client under its /64 and an account under its email whatever the case", () => {
    expect(ipKey("2001:db8:1:2:aaaa::1")).to.equal(ipKey("2001:db8:1:2:bbbb::2"));
    expect(accountKey(" Ada@Example.org ")).to.equal(accountKey("ada@example.org"));
  });

  it("judges each key in its own window: ten wrong codes lock second factors for 15 minutes, ten failed logins for one", () => {
    const user = "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f";
    const tenMinutesAgo = Array.from({ length: LIMIT }, (_, i) => ({ at: new Date(now - 10 * 60_000 + i), key: "" }));
    const codes = tenMinutesAgo.map((a) => ({ ...a, key: secondFactorKey(user) }));
    const logins = tenMinutesAgo.map((a) => ({ ...a, key: accountKey("ada@example.org") }));
    // The oldest of the ten wrong codes leaves the 15-minute window in 5 minutes.
    expect(waitSeconds([secondFactorKey(user)], codes, now)).to.equal((SECOND_FACTOR_WINDOW_MS - 10 * 60_000) / 1000);
    expect(waitSeconds([accountKey("ada@example.org")], logins, now)).to.equal(0);
    // Under several keys, the longest wait wins; keys without attempts add none.
    expect(waitSeconds([accountKey("ada@example.org"), secondFactorKey(user), "ip:10.0.0.1"], [...logins, ...codes], now)).to.equal(300);
  });
});
