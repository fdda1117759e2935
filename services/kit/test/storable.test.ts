import { expect } from "chai";
import { Type } from "@sinclair/typebox";
import { check } from "../validate.ts";

describe("kit validate: text no store can keep", () => {
  const schema = Type.Object({ name: Type.String(), tags: Type.Array(Type.String()), extra: Type.Unknown() });
  const refused = (value: unknown) => {
    try {
      check(schema, value);
      return undefined;
    } catch (err) {
      return (err as { message: string }).message;
    }
  };

  it("passes what Postgres can store, and names the field of a NUL or a lone surrogate, nested or as a key", () => {
    expect(refused({ name: "Ada ✓ 😀", tags: ["a"], extra: { deep: [{ ok: "yes" }] } })).to.equal(undefined);
    expect(refused({ name: "a\u0000b", tags: [], extra: null })).to.equal("name: must not contain NUL characters or unpaired surrogates");
    expect(refused({ name: "a", tags: ["ok", "\ud800"], extra: null })).to.equal("tags.1: must not contain NUL characters or unpaired surrogates");
    expect(refused({ name: "a", tags: [], extra: { list: [{ "bad\u0000key": 1 }] } })).to.equal(
      "extra.list.0.bad\u0000key: must not contain NUL characters or unpaired surrogates",
    );
  });
});
