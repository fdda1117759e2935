import { expect } from "chai";
import { Buffer } from "node:buffer";
import { headers, type Msg } from "@nats-io/nats-core";
import { MsgHdrsImpl, MsgImpl } from "@nats-io/nats-core/internal";
import { KitHeaders, putHeader, readRequestHeaders, type RequestHeaders } from "../headers.ts";
import { fastPath } from "../fast-path.ts";

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

describe("kit readRequestHeaders", () => {
  const tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  /** A message as nats-core's parser hands it over: header bytes, then the body. */
  const received = (head: string, body = "{}") => {
    const hdr = Buffer.from(head);
    const data = Buffer.concat([hdr, Buffer.from(body)]);
    return new MsgImpl({ subject: Buffer.from("svc.x.y"), reply: Buffer.from("_INBOX.1"), sid: 1, hdr: head ? hdr.length : -1, size: data.length }, data, {
      publish: () => undefined,
    });
  };
  /** How @nats-io/services 3.0.0-25 wraps a message for a handler (its ServiceMsgImpl, not exported). */
  const wrapped = (msg: Msg) =>
    ({
      msg,
      get headers() {
        return msg.headers;
      },
    }) as unknown as Msg;
  /** What serve read before: the first value of each key, iterating nats-core's decoded MsgHdrs. */
  const stock = (m: Msg): RequestHeaders => {
    const out: RequestHeaders = {};
    for (const [k, v] of m.headers ?? []) {
      if (k === "traceparent") out.traceparent ??= v[0];
      if (k === "tracestate") out.tracestate ??= v[0];
      if (k === "convene-deadline") out.deadline ??= v[0];
      if (k === "convene-principal") out.principal ??= v[0];
    }
    return out;
  };
  const blocks = [
    "",
    "NATS/1.0\r\n\r\n",
    `NATS/1.0\r\ntraceparent: ${tp}\r\nconvene-deadline: 1764000000000\r\n\r\n`,
    `NATS/1.0\r\ntraceparent: ${tp}\r\ntracestate: congo=t61rcWkgMzE\r\nconvene-deadline: 1\r\nconvene-principal: eyJzdWIiOiJ4In0.c2ln\r\n\r\n`,
    // Repeated keys (first wins), spacing, keys that only look alike, other headers, a line without a colon.
    `NATS/1.0\r\nconvene-deadline:  7 \r\nconvene-deadline: 8\r\nTraceparent: ${tp}\r\nX-Other: a:b\r\nno colon here\r\ntraceparent:${tp}\r\n\r\n`,
    // A status line, as on replies; non-ASCII in a value.
    "NATS/1.0 503\r\nconvene-principal: é\r\n\r\n",
    `NATS/1.0\r\n:empty key\r\ntracestate: a=b\r\n\r\n`,
  ];

  it("gives the values serve read through nats-core's MsgHdrs, from a received message or one the services API wraps", () => {
    for (const head of blocks) {
      expect(readRequestHeaders(received(head)), JSON.stringify(head)).to.deep.equal(stock(received(head)));
      expect(readRequestHeaders(wrapped(received(head))), JSON.stringify(head)).to.deep.equal(stock(received(head)));
    }
    expect(readRequestHeaders(received(blocks[3]))).to.deep.equal({
      traceparent: tp,
      tracestate: "congo=t61rcWkgMzE",
      deadline: "1",
      principal: "eyJzdWIiOiJ4In0.c2ln",
    });
  });

  it("leaves to nats-core what it refuses to decode, so that fails as it always did", () => {
    for (const head of ["NATS/1.0\r\nbad key: 1\r\n\r\n", "NATS/1.0\r\ntraceparent: a\nb\r\n\r\n"]) {
      expect(() => stock(received(head)), head).to.throw();
      expect(() => readRequestHeaders(received(head)), head).to.throw();
    }
    // A bare LF at the end of a value is trimmed away by nats-core, not refused.
    const trailing = "NATS/1.0\r\nconvene-deadline: 5\n\r\n\r\n";
    expect(readRequestHeaders(received(trailing))).to.deep.equal(stock(received(trailing))).and.to.deep.equal({ deadline: "5" });
  });

  it("reads headers already decoded, and messages from elsewhere, through MsgHdrs", () => {
    const decoded = received(blocks[3]);
    decoded.headers!.set("convene-deadline", "99");
    expect(readRequestHeaders(decoded).deadline).to.equal("99");
    const h = headers();
    h.set("traceparent", tp);
    const other = { headers: h } as unknown as Msg;
    expect(readRequestHeaders(other)).to.deep.equal({ traceparent: tp });
    expect(fastPath, "these tests read the fast path").to.equal(true);
  });
});
