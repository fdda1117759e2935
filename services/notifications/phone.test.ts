import { expect } from "chai";
import { codeHash, newCode, phoneState, sameHash } from "./phone.ts";
import { defaultPreferences, wantsSms } from "./preferences.ts";
import type { Phone } from "./store/sms.ts";

describe("notifications phones (SMS)", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  const phone = (p: Partial<Phone>): Phone => ({
    userId: "u",
    number: null,
    verifiedAt: null,
    suppressedAt: null,
    pendingNumber: null,
    codeHash: null,
    codeExpiresAt: null,
    codeAttempts: 0,
    ...p,
  });

  it("draws 6-digit codes, leading zeros kept", () => {
    for (let i = 0; i < 200; i++) expect(newCode()).to.match(/^\d{6}$/);
  });

  it("binds a code's HMAC to the secret, the user and the number", () => {
    const h = codeHash("secret-0123456789", "u1", "+4915123456789", "042917");
    expect(sameHash(h, codeHash("secret-0123456789", "u1", "+4915123456789", "042917"))).to.equal(true);
    expect(h).to.not.contain("042917");
    expect(sameHash(h, codeHash("other-secret-0123456", "u1", "+4915123456789", "042917"))).to.equal(false);
    expect(sameHash(h, codeHash("secret-0123456789", "u2", "+4915123456789", "042917"))).to.equal(false);
    expect(sameHash(h, codeHash("secret-0123456789", "u1", "+4915123456780", "042917"))).to.equal(false);
  });

  it("shows a verified number, a suppressed one, and a pending one only while its code still works", () => {
    expect(phoneState(undefined, now, 5)).to.deep.equal({ number: null, status: "none", verifiedAt: null, pending: null });
    const verified = phone({ number: "+4915123456789", verifiedAt: new Date("2026-12-01T00:00:00Z") });
    expect(phoneState(verified, now, 5)).to.include({ number: "+4915123456789", status: "verified" });
    expect(phoneState({ ...verified, suppressedAt: now }, now, 5).status).to.equal("suppressed");
    const pending = { ...verified, pendingNumber: "+4917612345678", codeHash: "h", codeExpiresAt: new Date(now.getTime() + 60_000), codeAttempts: 2 };
    expect(phoneState(pending, now, 5).pending).to.deep.equal({ number: "+4917612345678", codeExpiresAt: "2026-12-05T12:01:00.000Z", attemptsLeft: 3 });
    expect(phoneState(pending, new Date(now.getTime() + 60_000), 5).pending, "expired").to.equal(null);
    expect(phoneState({ ...pending, codeAttempts: 5 }, now, 5).pending, "used up").to.equal(null);
  });

  it("sends SMS only for reminders and changes, and only when switched on", () => {
    const prefs = defaultPreferences();
    expect(wantsSms(prefs, "event_reminder"), "off by default").to.equal(false);
    prefs.kinds.event_updated = { ...prefs.kinds.event_updated, sms: true };
    prefs.kinds.booking_confirmed = { in_app: true, email: true, push: true, sms: true };
    expect(wantsSms(prefs, "event_updated")).to.equal(true);
    expect(wantsSms(prefs, "booking_confirmed"), "not an SMS kind").to.equal(false);
    expect(wantsSms(null, "event_cancelled")).to.equal(false);
  });
});
