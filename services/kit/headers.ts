/**
 * The headers the kit writes on every request, and the few it reads from one. nats-core's
 * MsgHdrsImpl canonicalises and checks each key on `set` (copying the key list twice) and builds
 * its wire form by string concatenation and TextEncoder: ~1.5 µs for a request's three headers,
 * ~4% of a request-reply in bench/rpc.ts. The kit's own keys are lowercase tokens and its values
 * cannot hold CR or LF (ids, numbers, JSON.stringify output), so `put` stores them as they are and
 * `encode` writes the same bytes as MsgHdrsImpl (test/headers.test.ts) in one pass. Reading,
 * `MsgHdrsImpl.decode` does the same work backwards for every line (a Map, an array per key, a
 * canonical copy of each key, a filtered key list, a regex): ~2 µs a request, for the four values
 * `serve` reads; `readRequestHeaders` reads them from the received bytes in one pass. Everything
 * else is MsgHdrsImpl's.
 */
import { Buffer } from "node:buffer";
import { MsgHdrsImpl, MsgImpl } from "@nats-io/nats-core/internal";
import { headers, type Msg, type MsgHdrs } from "@nats-io/nats-core";
import { DEADLINE_HEADER, PRINCIPAL_HEADER } from "../../subjects/principal.ts";
import { fastPath } from "./fast-path.ts";

export class KitHeaders extends MsgHdrsImpl {
  /** For keys and values the kit controls: no canonical form, no CR/LF check, replaces any value. */
  put(key: string, value: string): this {
    this.headers.set(key, [value]);
    return this;
  }

  override encode(): Uint8Array {
    if (this._code !== 0 || this.headers.size === 0) return super.encode();
    let text = "NATS/1.0";
    for (const [key, values] of this.headers) for (const value of values) text += `\r\n${key}: ${value}`;
    return Buffer.from(`${text}\r\n\r\n`);
  }
}

/** Sets a header the kit controls, on the fast path when the headers are the kit's. */
export function putHeader(h: MsgHdrs, key: string, value: string): void {
  if (h instanceof KitHeaders) h.put(key, value);
  else h.set(key, value);
}

/** Headers for a kit request: the kit's own, or nats.js's with KIT_FAST_PATH=off. */
export function requestHeaders(): MsgHdrs {
  return fastPath ? new KitHeaders() : headers();
}

/** What `serve` reads from a request's headers: each the first value of its key, as `MsgHdrs` iteration gives it. */
export type RequestHeaders = { traceparent?: string; tracestate?: string; deadline?: string; principal?: string };

const decoder = new TextDecoder();
const NO_HEADERS: RequestHeaders = Object.freeze({});

/**
 * The trace context, deadline and principal of a request. On the fast path they are read in one
 * pass from the header bytes nats-core received (MsgImpl keeps them until `headers` is first read);
 * the values are the ones MsgHdrsImpl.decode would give (same text decoding, key matched exactly,
 * value trimmed, first of repeated keys; test/headers.test.ts). A header block that decode would
 * refuse (a key outside printable ASCII or with a colon, a bare CR or LF) goes to nats-core, so it
 * fails as it always did. A message that is not nats-core's MsgImpl (another transport, a later
 * nats-core), or whose headers were already decoded, is read through `MsgHdrs`.
 */
export function readRequestHeaders(msg: Msg): RequestHeaders {
  const inner = fastPath ? ((msg as { msg?: unknown }).msg ?? msg) : undefined;
  if (inner instanceof MsgImpl && inner._headers === undefined && typeof inner._msg?.hdr === "number") {
    if (inner._msg.hdr < 0) return NO_HEADERS;
    const read = scanHeaders(decoder.decode(inner._rdata.subarray(0, inner._msg.hdr)));
    if (read) return read;
  }
  const out: RequestHeaders = {};
  for (const [key, values] of msg.headers ?? []) pick(out, key, values[0]);
  return out;
}

function pick(out: RequestHeaders, key: string, value: string): void {
  if (key === "traceparent") out.traceparent ??= value;
  else if (key === "tracestate") out.tracestate ??= value;
  else if (key === DEADLINE_HEADER) out.deadline ??= value;
  else if (key === PRINCIPAL_HEADER) out.principal ??= value;
}

/**
 * One pass over `NATS/1.0[ status]\r\nkey: value\r\n…`. Undefined wherever MsgHdrsImpl.decode might
 * throw (it does not always: it trims a value before checking it), so nats-core decides those.
 */
function scanHeaders(text: string): RequestHeaders | undefined {
  const out: RequestHeaders = {};
  // The first line is the version and status, never a header.
  let at = text.indexOf("\r\n");
  if (at < 0) return out;
  at += 2;
  while (at < text.length) {
    let end = text.indexOf("\r\n", at);
    if (end < 0) end = text.length;
    const colon = text.indexOf(":", at);
    if (colon >= 0 && colon < end) {
      // decode checks every key (canonicalMIMEHeaderKey) and every value (no CR, no LF).
      for (let i = at; i < colon; i++) {
        const c = text.charCodeAt(i);
        if (c < 33 || c > 126) return undefined;
      }
      for (let i = colon + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 || c === 10) return undefined;
      }
      const key = text.slice(at, colon);
      if (key === "traceparent" || key === "tracestate" || key === DEADLINE_HEADER || key === PRINCIPAL_HEADER) {
        pick(out, key, text.slice(colon + 1, end).trim());
      }
    }
    at = end + 2;
  }
  return out;
}
