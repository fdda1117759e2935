import { expect } from "chai";
import { defaultPreferences, digested, localMinutes, nextDigestAt, notBefore, wants } from "./preferences.ts";

describe("notifications preferences", () => {
  const at = (iso: string) => new Date(iso);
  const quiet = (start: string, end: string) => ({ ...defaultPreferences(), quietHours: { start, end } });

  it("lets a delivery go now outside quiet hours and without them", () => {
    expect(notBefore(null, "Europe/Berlin", at("2026-11-22T12:00:00Z")).toISOString()).to.equal("2026-11-22T12:00:00.000Z");
    expect(notBefore(quiet("22:00", "07:00"), "Europe/Berlin", at("2026-11-22T12:00:00Z")).toISOString()).to.equal("2026-11-22T12:00:00.000Z");
  });

  it("holds a delivery until quiet hours end in the user's time zone, across midnight", () => {
    // 23:30 in Berlin (UTC+1 in November) is inside 22:00-07:00; it ends at 07:00 Berlin = 06:00 UTC.
    expect(notBefore(quiet("22:00", "07:00"), "Europe/Berlin", at("2026-11-22T22:30:00Z")).toISOString()).to.equal("2026-11-23T06:00:00.000Z");
    // 02:10 in Tokyo (UTC+9) is inside too; 07:00 Tokyo = 22:00 UTC the day before.
    expect(notBefore(quiet("22:00", "07:00"), "Asia/Tokyo", at("2026-11-22T17:10:00Z")).toISOString()).to.equal("2026-11-22T22:00:00.000Z");
  });

  it("treats the end of quiet hours as exclusive and a window within one day as such", () => {
    expect(notBefore(quiet("13:00", "14:00"), "UTC", at("2026-11-22T14:00:00Z")).toISOString()).to.equal("2026-11-22T14:00:00.000Z");
    expect(notBefore(quiet("13:00", "14:00"), "UTC", at("2026-11-22T13:00:00Z")).toISOString()).to.equal("2026-11-22T14:00:00.000Z");
    expect(localMinutes(at("2026-11-22T13:05:00Z"), "Not/AZone")).to.equal(13 * 60 + 5);
  });

  it("sends transactional kinds by email only, whatever the switches say", () => {
    const off = {
      ...defaultPreferences(),
      kinds: {
        event_published: { in_app: false, email: false, push: false },
        event_updated: { in_app: true, email: false, push: true },
        event_cancelled: { in_app: true, email: true, push: true },
      },
    };
    expect(wants(off, "password_reset", "email")).to.equal(true);
    expect(wants(off, "password_reset", "push")).to.equal(false);
    expect(wants(off, "event_published", "in_app")).to.equal(false);
    expect(wants(off, "event_updated", "email")).to.equal(false);
    expect(wants(null, "event_updated", "push")).to.equal(true);
  });

  it("sends the digest at the next digest time in the user's zone, a day later once it has passed, and after quiet hours", () => {
    // 06:30 in Berlin (05:30 UTC): 08:00 Berlin is 07:00 UTC the same day.
    expect(nextDigestAt(null, "Europe/Berlin", "08:00", at("2026-11-22T05:30:00Z")).toISOString()).to.equal("2026-11-22T07:00:00.000Z");
    // 08:00:30 in Berlin: today's digest is gone; tomorrow's.
    expect(nextDigestAt(null, "Europe/Berlin", "08:00", at("2026-11-22T07:00:30Z")).toISOString()).to.equal("2026-11-23T07:00:00.000Z");
    // 18:00 in Tokyo (09:00 UTC) → 08:00 Tokyo tomorrow = 23:00 UTC today.
    expect(nextDigestAt(null, "Asia/Tokyo", "08:00", at("2026-11-22T09:00:00Z")).toISOString()).to.equal("2026-11-22T23:00:00.000Z");
    // Quiet until 09:30: the 08:00 digest waits for it.
    expect(nextDigestAt(quiet("22:00", "09:30"), "UTC", "08:00", at("2026-11-22T12:00:00Z")).toISOString()).to.equal("2026-11-23T09:30:00.000Z");
  });

  it("holds follower emails for the digest only when asked, never transactional ones", () => {
    const on = { ...defaultPreferences(), digest: true };
    expect(digested(on, "event_published")).to.equal(true);
    expect(digested(on, "password_reset")).to.equal(false);
    expect(digested(defaultPreferences(), "event_cancelled")).to.equal(false);
    expect(digested(null, "event_updated")).to.equal(false);
  });
});
