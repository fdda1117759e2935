import { expect } from "chai";
import { hashPassword, needsRehash, referenceOrder, verifyPassword } from "./passwords.ts";

describe("identity passwords", () => {
  it("stores argon2id in the reference encoding $argon2id$v=19$m=19456,t=2,p=1$ and verifies it", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).to.equal(true);
    expect(await verifyPassword(hash, "correct horse battery staple")).to.equal(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).to.equal(false);
    expect(needsRehash(hash)).to.equal(false);
  });

  it("reorders only the parameter segment", () => {
    expect(referenceOrder("$argon2id$v=19$m=8192,p=1,t=1$c2FsdA$aGFzaA")).to.equal("$argon2id$v=19$m=8192,t=1,p=1$c2FsdA$aGFzaA");
  });
});
