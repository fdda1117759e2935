import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { totpVault } from "./totp-vault.ts";

describe("identity TOTP vault", () => {
  const key = () => randomBytes(32).toString("base64");
  const user = "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f";
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  it("seals a secret so the stored text does not contain it, and opens it again for its user only", () => {
    const vault = totpVault(key());
    const sealed = vault.seal(user, secret);
    expect(sealed).to.match(/^sealed:v1:/);
    expect(sealed).to.not.contain(secret);
    expect(vault.seal(user, secret), "a fresh IV every time").to.not.equal(sealed);
    expect(vault.open(user, sealed)).to.equal(secret);
    expect(() => vault.open("0b7e8a1c-3d2f-4e5a-8b9c-1d2e3f4a5b6c", sealed), "copied onto another account").to.throw();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => vault.open(user, tampered)).to.throw();
  });

  it("rotates: the first key seals, older keys still open, and their secrets are not current", () => {
    const [oldKey, newKey] = [key(), key()];
    const sealedOld = totpVault(oldKey).seal(user, secret);
    const rotated = totpVault(`${newKey},${oldKey}`);
    expect(rotated.open(user, sealedOld)).to.equal(secret);
    expect(rotated.current(sealedOld)).to.equal(false);
    expect(rotated.current(rotated.seal(user, secret))).to.equal(true);
    expect(() => totpVault(newKey).open(user, sealedOld)).to.throw(/not in TOTP_ENCRYPTION_KEYS/);
  });

  it("reads secrets stored before keys were set, and stores as is without keys", () => {
    const vault = totpVault(key());
    expect(vault.open(user, secret)).to.equal(secret);
    expect(vault.current(secret)).to.equal(false);
    const none = totpVault(undefined);
    expect(none.sealing).to.equal(false);
    expect(none.seal(user, secret)).to.equal(secret);
    expect(none.current(secret)).to.equal(true);
  });

  it("refuses a key that is not 32 bytes, naming the variable", () => {
    expect(() => totpVault(`${key()},c2hvcnQ=`)).to.throw(/TOTP_ENCRYPTION_KEYS: key 2/);
  });
});
