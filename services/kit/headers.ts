/**
 * The headers the kit writes on every request. nats-core's MsgHdrsImpl canonicalises and checks
 * each key on `set` (copying the key list twice) and builds its wire form by string concatenation
 * and TextEncoder: ~1.5 µs for a request's three headers, ~4% of a request-reply in bench/rpc.ts.
 * The kit's own keys are lowercase tokens and its values cannot hold CR or LF (ids, numbers,
 * JSON.stringify output), so `put` stores them as they are and `encode` writes the same bytes as
 * MsgHdrsImpl (test/headers.test.ts) in one pass. Everything else is MsgHdrsImpl's.
 */
import { Buffer } from "node:buffer";
import { MsgHdrsImpl } from "@nats-io/nats-core/internal";
import { headers, type MsgHdrs } from "@nats-io/nats-core";
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
