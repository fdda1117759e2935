import { expect } from "chai";
import { Buffer } from "node:buffer";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { mintPrincipal, principalVerifier, verifyPrincipal, verifyPrincipalOffThread } from "./principal-token.ts";
import { AppError } from "./errors.ts";

describe("kit principal tokens", () => {
  const { privateKey } = generateKeyPairSync("ed25519");
  const keys = [createPublicKey(privateKey)];
  const ada = { sub: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f", roles: ["participant" as const] };
  const codeOf = async (f: () => unknown) => {
    try {
      await f();
    } catch (err) {
      return err instanceof AppError ? err.code : String(err);
    }
    return "accepted";
  };

  it("checks off the event loop exactly as on it: valid, tampered, expired, another key's, malformed", async () => {
    const valid = mintPrincipal(privateKey, ada);
    const [, signature] = valid.split(".");
    const tampered = `${Buffer.from(JSON.stringify({ p: { ...ada, roles: ["admin"] }, exp: Date.now() + 60_000 })).toString("base64url")}.${signature}`;
    const cases = [valid, tampered, mintPrincipal(privateKey, ada, Date.now() - 120_000), mintPrincipal(generateKeyPairSync("ed25519").privateKey, ada), "x"];
    const onLoop = await Promise.all(cases.map((t) => codeOf(() => verifyPrincipal(keys, t))));
    const offLoop = await Promise.all(cases.map((t) => codeOf(() => verifyPrincipalOffThread(keys, t))));
    expect(offLoop).to.deep.equal(onLoop);
    expect(onLoop).to.deep.equal(["accepted", "unauthenticated", "unauthenticated", "unauthenticated", "unauthenticated"]);
    expect((await verifyPrincipalOffThread(keys, valid)).principal).to.deep.equal(ada);
  });

  it("checks a new token once however many requests bring it meanwhile, then answers at once; keeps no refusal", async () => {
    const verifier = principalVerifier(keys);
    const token = mintPrincipal(privateKey, ada);
    const first = verifier(token);
    expect(first).to.be.instanceOf(Promise);
    expect(verifier(token), "the same check in flight").to.equal(first);
    expect(await first).to.deep.equal(ada);
    const later = verifier(token);
    expect(later, "met before: no promise").to.not.be.instanceOf(Promise);
    expect(later).to.deep.equal(ada);

    const forged = mintPrincipal(generateKeyPairSync("ed25519").privateKey, ada);
    expect(await codeOf(() => verifier(forged))).to.equal("unauthenticated");
    const again = verifier(forged);
    expect(again, "a refusal is checked again").to.be.instanceOf(Promise);
    expect(await codeOf(() => again)).to.equal("unauthenticated");
  });
});
