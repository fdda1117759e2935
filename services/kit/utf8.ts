/**
 * UTF-8 bytes of a message body. Buffer.from allocates from Node's 8 KB pool and costs ~0.6 µs
 * less than TextEncoder.encode for a 200-byte body (measured on Node 24; a request-reply encodes
 * twice); Deno provides node:buffer too. A Buffer is a Uint8Array, which is all NATS needs.
 */
import { Buffer } from "node:buffer";

export function utf8(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}
