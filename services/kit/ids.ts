/**
 * Trace and span ids cut from a pool of random bytes, hex-encoded a few kilobytes at a time.
 * The SDK's RandomIdGenerator writes Math.random into a buffer and hex-encodes it per id; a
 * request-reply needs three ids, and that was ~2% of a call's CPU in bench/rpc.ts. The pool
 * is also cryptographically random, which W3C Trace Context recommends for ids.
 */
import { Buffer } from "node:buffer";
import type { IdGenerator } from "@opentelemetry/sdk-trace";

// getRandomValues fills at most 65,536 bytes a call.
const POOL_BYTES = 4096;

export class PooledIdGenerator implements IdGenerator {
  #hex = "";
  #at = 0;

  generateTraceId(): string {
    return this.#take(32);
  }

  generateSpanId(): string {
    return this.#take(16);
  }

  #take(chars: number): string {
    for (;;) {
      if (this.#at + chars > this.#hex.length) this.#refill();
      const id = this.#hex.slice(this.#at, this.#at + chars);
      this.#at += chars;
      // All zeros is the invalid id; a 2^-64 chance, but then take the next one.
      if (id !== INVALID_TRACE_ID && id !== INVALID_SPAN_ID) return id;
    }
  }

  #refill(): void {
    this.#hex = Buffer.from(crypto.getRandomValues(new Uint8Array(POOL_BYTES))).toString("hex");
    this.#at = 0;
  }
}

const INVALID_TRACE_ID = "0".repeat(32);
const INVALID_SPAN_ID = "0".repeat(16);
