/** How soon a new email link may follow the last one, on a fixed clock. */
import { expect } from "chai";
import { tokenIntervalWait } from "./tokens.ts";

describe("identity: tokenIntervalWait (one link per interval per account and purpose)", () => {
  const now = new Date("2026-12-05T10:00:00.000Z");

  it("makes the first link at once, and the next once the interval has passed", () => {
    expect(tokenIntervalWait(undefined, 60_000, now)).to.equal(0);
    expect(tokenIntervalWait(new Date(now.getTime() - 60_000), 60_000, now)).to.equal(0);
  });

  it("asks for the rest of the interval in whole seconds, rounded up", () => {
    expect(tokenIntervalWait(new Date(now.getTime() - 59_999), 60_000, now)).to.equal(1);
    expect(tokenIntervalWait(new Date(now.getTime() - 15_500), 60_000, now)).to.equal(45);
    expect(tokenIntervalWait(now, 60_000, now)).to.equal(60);
  });
});
