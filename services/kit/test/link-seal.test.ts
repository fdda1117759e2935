import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { ConfigError } from "../config.ts";
import { DEV_LINK_SEALING_KEYS, linkSeal, usesDevLinkKey } from "../link-seal.ts";

describe("kit link seal (single-use tokens in flight)", () => {
  const key = () => randomBytes(32).toString("base64");
  const token = "f3Yk2mQ9r8ZpX1vN0aBcDeFgHiJkLmNoPqRsTuVwXyZ";
  const now = new Date("2026-12-05T12:00:00Z");
  const later = new Date(now.getTime() + 3_600_000);

  it("seals a token so the sealed text does not contain it, and opens it for its purpose and address", () => {
    const seal = linkSeal(key());
    const sealed = seal.seal("password_reset", "Ada@Example.org", token, later);
    expect(sealed).to.match(/^ls1\./);
    expect(sealed).to.not.contain(token);
    expect(seal.seal("password_reset", "ada@example.org", token, later), "a fresh IV every time").to.not.equal(sealed);
    expect(seal.open("password_reset", "ada@example.org", sealed, now)).to.deep.equal({ ok: true, token, expiresAt: later });
    expect(seal.expiresAt(sealed)).to.deep.equal(later);
  });

  it("does not open for another purpose or another address (a seal copied into another message)", () => {
    const seal = linkSeal(key());
    const sealed = seal.seal("password_reset", "ada@example.org", token, later);
    expect(seal.open("verify_email", "ada@example.org", sealed, now)).to.deep.equal({ ok: false, reason: "unreadable" });
    expect(seal.open("password_reset", "mallory@example.org", sealed, now)).to.deep.equal({ ok: false, reason: "unreadable" });
  });

  it("reports expired after its expiry, and unreadable when the expiry was moved", () => {
    const seal = linkSeal(key());
    const sealed = seal.seal("verify_email", "ada@example.org", token, later);
    expect(seal.open("verify_email", "ada@example.org", sealed, later)).to.deep.equal({ ok: false, reason: "expired" });
    const [p, id, exp, body] = sealed.split(".");
    const moved = [p, id, String(Number(exp) + 86_400_000), body].join(".");
    expect(seal.open("verify_email", "ada@example.org", moved, later)).to.deep.equal({ ok: false, reason: "unreadable" });
  });

  it("opens with every listed key, seals with the first, and refuses a key it does not hold", () => {
    const [oldKey, newKey] = [key(), key()];
    const sealedOld = linkSeal(oldKey).seal("email_change", "new@example.org", token, later);
    const rotated = linkSeal(`${newKey},${oldKey}`);
    expect(rotated.open("email_change", "new@example.org", sealedOld, now).ok).to.equal(true);
    const sealedNew = rotated.seal("email_change", "new@example.org", token, later);
    expect(linkSeal(newKey).open("email_change", "new@example.org", sealedNew, now).ok).to.equal(true);
    expect(linkSeal(key()).open("email_change", "new@example.org", sealedOld, now)).to.deep.equal({ ok: false, reason: "unreadable" });
    expect(rotated.open("email_change", "new@example.org", "ls1.garbage", now)).to.deep.equal({ ok: false, reason: "unreadable" });
  });

  it("refuses keys that are not 32 bytes, naming the variable", () => {
    expect(() => linkSeal("c2hvcnQ=")).to.throw(ConfigError, /LINK_SEALING_KEYS key 1/);
    expect(() => linkSeal(" , ")).to.throw(ConfigError, /LINK_SEALING_KEYS holds no key/);
  });

  it("knows the development key wherever it sits in the list", () => {
    expect(usesDevLinkKey(DEV_LINK_SEALING_KEYS)).to.equal(true);
    expect(usesDevLinkKey(`${key()}, ${DEV_LINK_SEALING_KEYS}`)).to.equal(true);
    expect(usesDevLinkKey(key())).to.equal(false);
  });
});
