/** Reading a feed into events on a fixed clock (which occurrences are past, which too far ahead): no NATS, no Postgres. */
import { expect } from "chai";
import { parseCalendar } from "./ical-import.ts";

const feed = (...vevents: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...vevents, "END:VCALENDAR"].join("\r\n");
const vevent = (...lines: string[]) => ["BEGIN:VEVENT", ...lines, "END:VEVENT"].join("\r\n");
const now = new Date("2026-12-05T10:00:00.000Z");

describe("events: parseCalendar (the import's reading of a feed)", () => {
  it("expands a weekly series from the first occurrence that has not ended at the clock's time", () => {
    const text = feed(vevent("UID:weekly@x", "SUMMARY:Meetup", "DTSTART:20261121T180000Z", "DTEND:20261121T200000Z", "RRULE:FREQ=WEEKLY;COUNT=5"));
    const { entries } = parseCalendar(text, "UTC", 100, now);
    // 21 Nov and 28 Nov are over by 5 Dec; 5, 12 and 19 Dec are left.
    expect(entries.map((e) => e.fields.startsAt)).to.deep.equal(["2026-12-05T18:00:00.000Z", "2026-12-12T18:00:00.000Z", "2026-12-19T18:00:00.000Z"]);
    expect(entries[0].uid).to.equal("weekly@x#20261205T180000Z");
  });

  it("keeps an occurrence under way at the clock's time, and stops a year ahead of it", () => {
    const text = feed(vevent("UID:monthly@x", "SUMMARY:Fair", "DTSTART:20261205T090000Z", "DTEND:20261205T170000Z", "RRULE:FREQ=MONTHLY"));
    const { entries } = parseCalendar(text, "UTC", 100, now);
    expect(entries[0].fields.startsAt).to.equal("2026-12-05T09:00:00.000Z");
    expect(entries.at(-1)!.fields.startsAt).to.equal("2027-12-05T09:00:00.000Z");
    expect(entries).to.have.length(13);
  });

  it("reads a start without an end as an hour in the feed's zone, and a cancelled one as such", () => {
    const text = feed(vevent("UID:one@x", "SUMMARY:Talk", "DTSTART;TZID=Europe/Berlin:20261210T190000", "STATUS:CANCELLED"));
    const [entry] = parseCalendar(text, "UTC", 100, now).entries;
    expect(entry.fields).to.include({ startsAt: "2026-12-10T18:00:00.000Z", endsAt: "2026-12-10T19:00:00.000Z", timeZone: "Europe/Berlin" });
    expect(entry.cancelled).to.equal(true);
  });

  it("lists what it cannot import with why, and stops at the event limit", () => {
    const text = feed(
      vevent("UID:a@x", "DTSTART:20261210T190000Z"),
      vevent("SUMMARY:No UID", "DTSTART:20261210T190000Z"),
      vevent("UID:b@x", "SUMMARY:B", "DTSTART:20261211T190000Z"),
      vevent("UID:c@x", "SUMMARY:C", "DTSTART:20261212T190000Z"),
    );
    const { entries, skipped } = parseCalendar(text, "UTC", 1, now);
    expect(entries.map((e) => e.uid)).to.deep.equal(["b@x"]);
    expect(skipped).to.deep.equal([
      { uid: "a@x", reason: "SUMMARY missing" },
      { uid: "", reason: "UID missing" },
      { uid: "c@x", reason: "more than 1 events in the feed" },
    ]);
  });
});
