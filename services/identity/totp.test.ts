import { expect } from "chai";
import { acceptedStep, isRecoveryCode, newRecoveryCodes, newTotp, recoveryHash } from "./totp.ts";

describe("identity totp", () => {
  const now = 1_800_000_015_000;
  const secret = newTotp("Convene", "ada@example.org").secret.base32;
  const codeAt = (t: number) => newTotp("Convene", "ada@example.org", secret).generate({ timestamp: t });

  it("accepts the current code and one step of drift either way, nothing further", () => {
    expect(acceptedStep(secret, codeAt(now), null, now)).to.equal(Math.floor(now / 30_000));
    expect(acceptedStep(secret, codeAt(now - 30_000), null, now)).to.not.equal(null);
    expect(acceptedStep(secret, codeAt(now + 30_000), null, now)).to.not.equal(null);
    expect(acceptedStep(secret, codeAt(now - 90_000), null, now)).to.equal(null);
  });

  it("refuses a code of a step already used", () => {
    const step = acceptedStep(secret, codeAt(now), null, now)!;
    expect(acceptedStep(secret, codeAt(now), step, now)).to.equal(null);
  });

  it("makes ten distinct recovery codes that hash the same with or without the dash and in any case", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).to.equal(10);
    for (const c of codes) expect(isRecoveryCode(c), c).to.equal(true);
    const id = "00000000-0000-4000-8000-000000000001";
    expect(recoveryHash(id, codes[0].toUpperCase().replace("-", ""))).to.equal(recoveryHash(id, codes[0]));
    // Salted per user: the same code hashes differently for another account.
    expect(recoveryHash("00000000-0000-4000-8000-000000000002", codes[0])).to.not.equal(recoveryHash(id, codes[0]));
  });
});
