import { expect } from "chai";
import { csvCell, csvLine } from "./csv.ts";

describe("kit csv", () => {
  it("quotes every cell, doubles quotes and neutralises formulas", () => {
    expect(csvLine(["Ada", 'say "hi"', null, 3])).to.equal('"Ada","say ""hi""","","3"\r\n');
    for (const f of ["=1+1", "+SUM(A1)", "-2", "@cmd", "\t=x"]) expect(csvCell(f)).to.equal(`"'${f}"`);
    expect(csvCell("line\nbreak")).to.equal('"line\nbreak"');
  });
});
