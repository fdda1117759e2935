import { expect } from "chai";
import { readFileSync } from "node:fs";
import { apiDoc, configurationDoc, subjectsDoc } from "./generate.ts";

describe("docs generated from the code", () => {
  it("docs/subjects.md lists the current catalogue (run `npx node docs/generate.ts`)", () => {
    expect(readFileSync(new URL("subjects.md", import.meta.url), "utf8")).to.equal(subjectsDoc());
  });

  it("docs/configuration.md lists every environment variable (run `npx node docs/generate.ts`)", () => {
    expect(readFileSync(new URL("configuration.md", import.meta.url), "utf8")).to.equal(configurationDoc());
  });

  it("docs/api.md lists every operation of the edge (run `npx node docs/generate.ts`)", () => {
    const current = readFileSync(new URL("api.md", import.meta.url), "utf8");
    expect(current).to.equal(apiDoc(current));
  });
});
