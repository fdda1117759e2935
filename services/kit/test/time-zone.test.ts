import { expect } from "chai";
import { isTimeZone } from "../time-zone.ts";

describe("kit isTimeZone", () => {
  it("accepts IANA names and refuses typos, offsets and the empty string", () => {
    for (const tz of ["Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires", "Asia/Almaty"]) expect(isTimeZone(tz), tz).to.equal(true);
    for (const tz of ["Europe/Berln", "", "Mars/Olympus", "not a zone"]) expect(isTimeZone(tz), tz).to.equal(false);
  });
});
