import { expect } from "chai";
import { slugify } from "./slug.ts";

describe("identity slugify", () => {
  it("folds accents, drops punctuation and joins words with single dashes", () => {
    expect(slugify("  Café Müller & Co.  ")).to.equal("cafe-muller-co");
  });

  it("leaves nothing for a name without latin letters or digits (the caller then makes one up)", () => {
    expect(slugify("Клуб")).to.equal("");
  });
});
