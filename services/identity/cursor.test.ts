import { expect } from "chai";
import { decodeCursor, encodeCursor, page } from "./cursor.ts";
import { AppError } from "../kit/errors.ts";

describe("identity cursors", () => {
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
});
