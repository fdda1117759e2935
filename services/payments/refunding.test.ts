/** How much a refund may take, and when a pending payment's page has expired: no NATS, no Postgres. */
import { expect } from "chai";
import type { AppError } from "../kit/errors.ts";
import { refundAmount } from "./refunding.ts";
import { EXPIRY_GRACE_MS, pageExpired } from "./reconciliation.ts";

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return "accepted";
};

describe("refundAmount", () => {
  it("takes everything left when no amount is asked", () => {
    expect(refundAmount(10_000, 2_500, {})).to.equal(7_500);
  });
  it("takes what is asked, up to what is left", () => {
    expect(refundAmount(10_000, 2_500, { amountMinor: 7_500 })).to.equal(7_500);
    expect(refusal(() => refundAmount(10_000, 2_500, { amountMinor: 7_501 }))).to.equal("refund_exceeds_paid");
  });
  it("caps a cancelled booking's due at what is left", () => {
    expect(refundAmount(10_000, 9_000, { amountMinor: 5_000, cap: true })).to.equal(1_000);
  });
  it("refuses when nothing is left, capped or not, and a zero amount", () => {
    expect(refusal(() => refundAmount(10_000, 10_000, { cap: true }))).to.equal("refund_exceeds_paid");
    expect(refusal(() => refundAmount(10_000, 10_000, {}))).to.equal("refund_exceeds_paid");
    expect(refusal(() => refundAmount(10_000, 0, { amountMinor: 0 }))).to.equal("refund_exceeds_paid");
  });
});

describe("pageExpired", () => {
  const expiresAt = new Date("2026-12-05T10:00:00.000Z");
  it("waits the grace after the page's expiry before failing a payment", () => {
    expect(pageExpired(expiresAt, new Date(expiresAt.getTime() + EXPIRY_GRACE_MS))).to.equal(false);
    expect(pageExpired(expiresAt, new Date(expiresAt.getTime() + EXPIRY_GRACE_MS + 1))).to.equal(true);
    expect(pageExpired(expiresAt.toISOString(), new Date(expiresAt.getTime() + EXPIRY_GRACE_MS + 1))).to.equal(true);
  });
});
