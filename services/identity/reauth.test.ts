/** How recent a provider sign-in must be to change two-factor settings, on a fixed clock. */
import { expect } from "chai";
import { REAUTH_WINDOW_MS, signedInRecently } from "./reauth.ts";

describe("identity: signedInRecently (proof of presence without a password)", () => {
  const now = new Date("2026-12-05T10:00:00.000Z");

  it("takes a sign-in of this session up to 10 minutes old, the 10th minute included", () => {
    expect(REAUTH_WINDOW_MS).to.equal(10 * 60_000);
    expect(signedInRecently(new Date(now.getTime() - REAUTH_WINDOW_MS), now)).to.equal(true);
    expect(signedInRecently(now, now)).to.equal(true);
  });

  it("refuses an older sign-in, or none", () => {
    expect(signedInRecently(new Date(now.getTime() - REAUTH_WINDOW_MS - 1), now)).to.equal(false);
    expect(signedInRecently(undefined, now)).to.equal(false);
  });
});
