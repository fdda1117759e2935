import { expect } from "chai";
import { decodeCursor, decodeKeyCursor, encodeCursor, encodeKeyCursor, page } from "../cursor.ts";
import { AppError } from "../errors.ts";

describe("kit cursors", () => {
  it("round-trips a microsecond timestamp and an id", () => {
    const p = { at: "2026-11-22T10:00:00.123456Z", id: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f" };
    expect(decodeCursor(encodeCursor(p))).to.deep.equal(p);
  });

  it("refuses a forged cursor with a 400 naming the field", () => {
    for (const forged of ["not base64 json", Buffer.from('["yesterday","x"]').toString("base64url"), Buffer.from("{}").toString("base64url")]) {
      const err = (() => {
        try {
          decodeCursor(forged);
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(err?.status, forged).to.equal(400);
      expect(err?.message).to.match(/^cursor:/);
    }
  });

  it("cuts limit + 1 rows to a page whose cursor points at its last row", () => {
    const rows = [1, 2, 3].map((n) => ({ at: `2026-11-22T10:00:0${n}.000000Z`, id: `00000000-0000-4000-8000-00000000000${n}` }));
    const { rows: kept, nextCursor } = page(rows, 2, (r) => r);
    expect(kept).to.have.length(2);
    expect(decodeCursor(nextCursor!)).to.deep.equal(rows[1]);
    expect(page(rows, 3, (r) => r).nextCursor).to.equal(null);
  });

  it("tags a cursor with its order: another order refuses it", () => {
    const p = { at: "2026-11-22T10:00:00.000001Z", id: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f" };
    const c = encodeCursor(p, { order: "start" });
    expect(decodeCursor(c, { order: "start" })).to.deep.equal(p);
    expect(() => decodeCursor(c, { order: "recent" })).to.throw(AppError, /^cursor:/);
    expect(() => decodeCursor(c)).to.throw(AppError, /^cursor:/);
  });

  it("carries a numeric key exactly", () => {
    const p = { at: String(0.1 + 0.2), id: "8d5a2a0e-7c1b-4a5e-9b1a-2f1e3c4d5e6f" };
    const back = decodeCursor(encodeCursor(p, { order: "popularity", kind: "number" }), { order: "popularity", kind: "number" })!;
    expect(Number(back.at)).to.equal(0.1 + 0.2);
    expect(() => decodeCursor(encodeCursor({ ...p, at: "many" }, { kind: "number" }), { kind: "number" })).to.throw(AppError);
  });
});

describe("kit key cursors (lists ordered by one unique key)", () => {
  it("round-trips a uuid or an integer key and refuses anything else with a 400 naming the cursor", () => {
    const id = "f4793c8e-c518-477b-8bf7-c5de2bf8aba9";
    expect(decodeKeyCursor(encodeKeyCursor(id), "uuid")).to.equal(id);
    expect(decodeKeyCursor(encodeKeyCursor(42), "integer")).to.equal("42");
    expect(decodeKeyCursor(undefined, "uuid")).to.equal(undefined);
    // The fuzz suite's find: a cursor that decodes to junk reached Postgres as a uuid (500).
    for (
      const [bad, kind] of [["7\uFEFFjY%", "uuid"], [encodeKeyCursor("not-a-uuid"), "uuid"], [encodeKeyCursor("12a"), "integer"], [
        encodeKeyCursor(id),
        "integer",
      ]] as const
    ) {
      expect(() => decodeKeyCursor(bad, kind), bad).to.throw("cursor: is not a cursor from a previous page of this list");
    }
  });
});
