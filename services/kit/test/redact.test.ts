import { expect } from "chai";
import { redactCredentials, REDACTED } from "../redact.ts";

describe("kit redactCredentials", () => {
  it("hides single-use tokens in an envelope and in links, keeping everything else", () => {
    const envelope = {
      id: "e1",
      type: "evt.user.registered",
      data: {
        userId: "u1",
        email: "ada@example.org",
        verificationToken: "tok_abc",
        nested: [{ token: "t2", link: "https://x.example/verify?token=secret123&lang=en" }],
      },
    };
    const out = JSON.stringify(redactCredentials(envelope));
    for (const secret of ["tok_abc", "t2", "secret123"]) expect(out).to.not.contain(secret);
    expect(out).to.contain("ada@example.org").and.contain("lang=en").and.contain(REDACTED);
  });
});
