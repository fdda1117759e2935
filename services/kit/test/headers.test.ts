import { expect } from "chai";
import { headers } from "@nats-io/nats-core";
import { MsgHdrsImpl } from "@nats-io/nats-core/internal";
import { KitHeaders, putHeader } from "../headers.ts";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("kit request headers", () => {
  const entries: [string, string][] = [
    ["traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    ["convene-deadline", "1764000000000"],
    ["convene-principal", JSON.stringify({ sub: "3c9e1f2a-6b7d-4e8f-9a0b-1c2d3e4f5a6b", roles: ["participant"], note: "line\r\nbreak é" })],
  ];

  it("encode to the same bytes as nats-core's headers, and decode back to the same values", () => {
    const kit = new KitHeaders();
    const theirs = headers();
    for (const [k, v] of entries) {
      kit.put(k, v);
      theirs.set(k, v);
    }
    expect(text(kit.encode())).to.equal(text((theirs as MsgHdrsImpl).encode()));
    const back = MsgHdrsImpl.decode(kit.encode());
    for (const [k, v] of entries) expect(back.get(k), k).to.equal(v);
  });

  it("put replaces a value, and an empty set encodes as nats-core's does", () => {
    const kit = new KitHeaders().put("convene-deadline", "1").put("convene-deadline", "2");
    expect(kit.values("convene-deadline")).to.deep.equal(["2"]);
    expect(new KitHeaders().encode()).to.deep.equal((headers() as MsgHdrsImpl).encode());
  });

  it("putHeader keeps nats-core's checks on headers that are not the kit's", () => {
    const h = headers();
    putHeader(h, "traceparent", "x");
    expect(h.get("traceparent")).to.equal("x");
    expect(() => putHeader(headers(), "convene-principal", "a\r\nb")).to.throw(/cannot contain/);
  });
});
