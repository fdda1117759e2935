/** Whether a booking's hold leaves the provider's page enough time, on a fixed clock: no NATS, no Postgres. */
import { expect } from "chai";
import type { AppError } from "../kit/errors.ts";
import { MIN_LIFETIME_SECONDS } from "./deps.ts";
import { paymentLifetimeSeconds } from "./hold-lifetime.ts";

const now = new Date("2026-12-05T10:00:00.000Z");
const inS = (s: number) => new Date(now.getTime() + s * 1000).toISOString();
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return "accepted";
};

describe("payments: paymentLifetimeSeconds (a hold's time left for the payment page)", () => {
  it("gives the page the hold's time left, in whole seconds", () => {
    expect(paymentLifetimeSeconds(inS(900.9), now)).to.equal(900);
    expect(paymentLifetimeSeconds(inS(MIN_LIFETIME_SECONDS), now)).to.equal(MIN_LIFETIME_SECONDS);
  });

  it("refuses a hold with less than the provider's minimum left", () => {
    expect(code(() => paymentLifetimeSeconds(inS(MIN_LIFETIME_SECONDS - 0.001), now))).to.equal("hold_too_short");
  });

  it("refuses a hold that is over, or none", () => {
    expect(code(() => paymentLifetimeSeconds(inS(0), now))).to.equal("order_expired");
    expect(code(() => paymentLifetimeSeconds(null, now))).to.equal("order_expired");
  });
});
