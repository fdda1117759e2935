/** When reminders are planned and when one goes out, on a fixed clock: no NATS, no Postgres. */
import { expect } from "chai";
import { defaultPreferences } from "./preferences.ts";
import { formatOffsets, parseOffsets, remindersAhead, reminderSendAt } from "./reminders.ts";

const now = new Date("2026-12-05T10:00:00.000Z");
const iso = (d: Date) => d.toISOString();

describe("notifications: reminders", () => {
  it("reads offsets largest first, without repeats, and writes them back in words", () => {
    expect(parseOffsets("1h, 24h,90m,1h,30s")).to.deep.equal([86_400, 5_400, 3_600, 30]);
    expect(formatOffsets([86_400, 5_400, 3_600, 30])).to.deep.equal(["1d", "90m", "1h", "30s"]);
    expect(() => parseOffsets("1w")).to.throw(/not a duration/);
  });

  it("plans one reminder per offset before the start, dropping those already past at the clock's time", () => {
    const startsAt = new Date("2026-12-06T09:00:00.000Z"); // 23 hours from now
    expect(remindersAhead(startsAt, [86_400, 3_600], now).map((r) => ({ offsetS: r.offsetS, dueAt: iso(r.dueAt) }))).to.deep.equal([
      { offsetS: 3_600, dueAt: "2026-12-06T08:00:00.000Z" },
    ]);
    // A reminder due exactly now is past: its timer would fire with nothing left to remind of.
    expect(remindersAhead(new Date(now.getTime() + 3_600_000), [3_600], now)).to.deep.equal([]);
  });

  it("holds a reminder until the user's quiet hours end, but never past the event's start", () => {
    const quiet = { ...defaultPreferences(), quietHours: { start: "08:00", end: "12:00" } };
    // 10:00 UTC is 11:00 in Berlin: quiet until 12:00 Berlin (11:00 UTC).
    expect(iso(reminderSendAt(quiet, "Europe/Berlin", new Date("2026-12-05T18:00:00.000Z"), now))).to.equal("2026-12-05T11:00:00.000Z");
    // The event starts at 10:30 UTC, before the quiet hours end: the reminder goes at once.
    expect(iso(reminderSendAt(quiet, "Europe/Berlin", new Date("2026-12-05T10:30:00.000Z"), now))).to.equal(iso(now));
    expect(iso(reminderSendAt(null, "Europe/Berlin", new Date("2026-12-05T18:00:00.000Z"), now))).to.equal(iso(now));
  });
});
