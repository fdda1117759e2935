import { expect } from "chai";
import ICAL from "ical.js";
import { icsLocalStamp as localStamp } from "../kit/ical.ts";
import { calendar } from "./ics.ts";
import type { EventRow } from "./store.ts";

const row = (id: string, startsAt: string, endsAt: string, timeZone: string): EventRow => ({
  id,
  organizer_id: "o",
  organization_id: null,
  title: `Event ${id}`,
  description: "",
  starts_at: new Date(startsAt),
  ends_at: new Date(endsAt),
  time_zone: timeZone,
  venue: null,
  lat: null,
  lng: null,
  online_url: null,
  category: null,
  tags: [],
  capacity: null,
  visibility: "public",
  status: "published",
  sequence: 0,
  views: 0,
  hot: 0,
  import_uid: null,
  created_at: new Date(startsAt),
  updated_at: new Date(startsAt),
  published_at: null,
  cancelled_at: null,
  cancel_reason: null,
  deleted_at: null,
  deleted_by: null,
});

/** Parses with ical.js, registering the calendar's own VTIMEZONEs (as a calendar client does). */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return cal;
}

describe("events: iCalendar output", () => {
  // Summer and winter in Berlin, both sides of New York's spring change, a zone without DST, a
  // half-hour DST zone, and UTC (declared by its canonical name, Etc/UTC).
  const cases: Array<[string, string, string, string]> = [
    ["summer", "2027-07-01T17:00:00.000Z", "2027-07-01T19:00:00.000Z", "Europe/Berlin"],
    ["winter", "2027-12-03T09:00:00.000Z", "2027-12-03T11:00:00.000Z", "Europe/Berlin"],
    ["ny-before", "2027-03-14T06:30:00.000Z", "2027-03-14T06:45:00.000Z", "America/New_York"],
    ["ny-after", "2027-03-14T07:30:00.000Z", "2027-03-14T08:00:00.000Z", "America/New_York"],
    ["kolkata", "2027-05-05T04:00:00.000Z", "2027-05-05T05:00:00.000Z", "Asia/Kolkata"],
    ["lord-howe", "2027-01-10T01:00:00.000Z", "2027-01-10T02:00:00.000Z", "Australia/Lord_Howe"],
    ["utc", "2027-02-02T12:00:00.000Z", "2027-02-02T13:00:00.000Z", "UTC"],
  ];
  const ics = calendar(cases.map(([id, s, e, tz]) => row(id, s, e, tz)), { host: "convene", now: new Date("2027-01-01T00:00:00Z") });
  const cal = parse(ics);

  it("gives DTSTART and DTEND the event's TZID, on the zone's wall clock", () => {
    expect(ics).to.contain("DTSTART;TZID=Europe/Berlin:20270701T190000");
    expect(ics).to.contain("DTSTART;TZID=Europe/Berlin:20271203T100000");
    expect(ics).to.contain("DTSTART;TZID=America/New_York:20270314T013000");
    expect(ics).to.contain("DTSTART;TZID=America/New_York:20270314T033000");
    expect(ics).to.contain("DTSTART;TZID=Etc/UTC:20270202T120000");
    expect(ics).to.not.contain("X-CONVENE-TZID");
    expect(localStamp("2027-07-01T17:00:00Z", "Europe/Berlin")).to.equal("20270701T190000");
  });

  it("declares each zone once with its recurring DST rules", () => {
    const tzids = cal.getAllSubcomponents("vtimezone").map((z) => String(z.getFirstPropertyValue("tzid")));
    expect(tzids.sort()).to.deep.equal(["America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Etc/UTC", "Europe/Berlin"]);
    const berlin = cal.getAllSubcomponents("vtimezone").find((z) => z.getFirstPropertyValue("tzid") === "Europe/Berlin")!;
    const rules = [...berlin.getAllSubcomponents("daylight"), ...berlin.getAllSubcomponents("standard")].map((o) => String(o.getFirstPropertyValue("rrule")));
    expect(rules).to.have.members(["FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"]);
  });

  it("round-trips every instant through a real calendar parser (ical.js)", () => {
    const byUid = new Map(cal.getAllSubcomponents("vevent").map((v) => [String(v.getFirstPropertyValue("uid")).split("@")[0], new ICAL.Event(v)]));
    for (const [id, startsAt, endsAt] of cases) {
      const ev = byUid.get(id)!;
      expect(ev.startDate.toJSDate().toISOString(), `${id} start`).to.equal(startsAt);
      expect(ev.endDate.toJSDate().toISOString(), `${id} end`).to.equal(endsAt);
    }
  });
});
