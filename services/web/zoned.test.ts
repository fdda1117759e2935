import { expect } from "chai";
import { instantToWall, wallToInstant } from "./zoned.ts";

describe("web zoned times", () => {
  it("reads a wall time in the event's zone, across DST", () => {
    expect(wallToInstant("2026-12-10T18:00", "Europe/Berlin")).to.equal("2026-12-10T17:00:00.000Z");
    expect(wallToInstant("2026-07-10T18:00", "Europe/Berlin")).to.equal("2026-07-10T16:00:00.000Z");
    expect(wallToInstant("2026-07-10T18:00", "UTC")).to.equal("2026-07-10T18:00:00.000Z");
    expect(wallToInstant("nope", "UTC")).to.equal(undefined);
  });
  it("writes an instant back as the same wall time", () => {
    expect(instantToWall("2026-12-10T17:00:00.000Z", "Europe/Berlin")).to.equal("2026-12-10T18:00");
    expect(instantToWall("2026-07-10T16:00:00.000Z", "Europe/Moscow")).to.equal("2026-07-10T19:00");
  });
});
