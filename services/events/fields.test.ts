import { expect } from "chai";
import { diff, type Fields, normalizePatch, normalizeTags } from "./fields.ts";

describe("events fields", () => {
  it("normalizes tags: case, spaces, leading #, duplicates", () => {
    expect(normalizeTags(["  #NATS ", "Event  Sourcing", "nats", "", "C++", "--x--"])).to.deep.equal(["nats", "event-sourcing", "c++", "x"]);
  });

  it("refuses a time zone that is not IANA and an instant it cannot read", () => {
    expect(() => normalizePatch({ timeZone: "Mars/Olympus_Mons" })).to.throw(/timeZone/);
    expect(normalizePatch({ startsAt: "2026-12-03T10:00:00+01:00" }).startsAt).to.equal("2026-12-03T09:00:00.000Z");
  });

  it("diffs only the fields that changed, whatever the key order of a venue", () => {
    const venue = { name: "Hall", address: "Main St 1", lat: 1, lng: 2 };
    const before: Fields = {
      title: "A",
      description: "",
      startsAt: "2026-01-01T00:00:00.000Z",
      endsAt: "2026-01-01T01:00:00.000Z",
      timeZone: "UTC",
      venue,
      onlineUrl: null,
      category: null,
      tags: ["x"],
      capacity: null,
      visibility: "public",
      invitedUserIds: [],
    };
    const after: Fields = { ...before, venue: { lng: 2, lat: 1, address: "Main St 1", name: "Hall" }, title: "B", capacity: 10 };
    expect(diff(before, after)).to.deep.equal([
      { field: "title", old: "A", new: "B" },
      { field: "capacity", old: null, new: 10 },
    ]);
  });
});
