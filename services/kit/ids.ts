/**
 * Ids cut from pools of random bytes: per-id calls to crypto.getRandomValues are what made ids
 * show up in profiles.
 *
 * Trace and span ids, from a pool hex-encoded a few kilobytes at a time.
 * The SDK's RandomIdGenerator writes Math.random into a buffer and hex-encodes it per id; a
 * request-reply needs three ids, and that was ~2% of a call's CPU in bench/rpc.ts. The pool
 * is also cryptographically random, which W3C Trace Context recommends for ids.
 */
import { Buffer } from "node:buffer";
import type { IdGenerator } from "@opentelemetry/sdk-trace";
import { v7 } from "uuid";

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

/**
 * A time-ordered id (UUIDv7, RFC 9562, made by the `uuid` package) whose random bits come from a
 * pool refilled 256 ids at a time. Left to itself `uuid` asks crypto.getRandomValues for 16 bytes
 * per id: ≈ 6–7 µs each in Node 24 (a synchronous crypto job per call) against ≈ 1.2 µs here, and
 * a flash sale makes three or four per booking (order, tickets, outbox envelope): 9% of the
 * platform's thread in bench/flash-sale.ts's profile. Ids made in the same millisecond are not
 * ordered among themselves (their counter bits are random too); each still lands at the right
 * edge of its index, which is what the time order is for.
 */
export function timeOrderedId(): string {
  if (uuidAt === uuidPool.length) {
    crypto.getRandomValues(uuidPool);
    uuidAt = 0;
  }
  const random = uuidPool.subarray(uuidAt, uuidAt + 16);
  uuidAt += 16;
  return v7({ random });
}

const uuidPool = new Uint8Array(16 * 256);
let uuidAt = uuidPool.length;
