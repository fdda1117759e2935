import { expect } from "chai";
import { arrayLiteral, sqlArray, sqlUnnest, sqlValue } from "./sql-arrays.ts";

describe("kit sql-arrays", () => {
  it("writes an array literal: texts quoted and escaped, numbers, instants, NULL", () => {
    const at = new Date("2026-12-06T01:02:03.004Z");
    expect(arrayLiteral(["a", 'say "hi"', "back\\slash", 3, at, null, undefined])).to.equal(
      '{"a","say \\"hi\\"","back\\\\slash",3,2026-12-06T01:02:03.004Z,NULL,NULL}',
    );
  });

  it("casts a column to its type, as array_fill when every value is the same (an empty column too)", () => {
    expect(sqlArray(["x", "it's"], "text")).to.equal(`'{"x","it''s"}'::text[]`);
    expect(sqlArray([7, 7, 7], "int")).to.equal("array_fill(7::int, array[3])");
    expect(sqlArray([new Date(0), new Date(0)], "timestamptz")).to.equal("array_fill('1970-01-01T00:00:00.000Z'::timestamptz, array[2])");
    expect(sqlArray([null, undefined], "uuid")).to.equal("array_fill(null::uuid, array[2])");
    expect(sqlArray([], "uuid")).to.equal("array_fill(null::uuid, array[0])");
  });

  it("writes one value: text quoted, an integer, an instant as timestamptz, null", () => {
    expect([sqlValue("it's"), sqlValue(42), sqlValue(new Date(0)), sqlValue(null)]).to.deep.equal([
      "'it''s'",
      "42",
      "'1970-01-01T00:00:00.000Z'::timestamptz",
      "null",
    ]);
    expect(() => sqlValue(0.5)).to.throw(TypeError, /safe integer/);
  });

  it("unnests rows column by column", () => {
    const rows = [{ id: "a", n: 1 }, { id: "b", n: 1 }];
    expect(sqlUnnest(rows, [["id", "text"], ["n", "int"]])).to.equal(`unnest('{"a","b"}'::text[], array_fill(1::int, array[2]))`);
  });

  it("refuses what would not be the value meant: a fraction or unsafe integer, a type that is not a plain name", () => {
    expect(() => sqlArray([1.5, 2], "bigint")).to.throw(TypeError, /safe integer/);
    expect(() => sqlArray([2 ** 60], "bigint")).to.throw(TypeError, /safe integer/);
    expect(() => sqlArray(["x"], "text[]); drop table orders; --")).to.throw(/identifier/);
  });
});
