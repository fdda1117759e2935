/**
 * Fixed-window request counters per key (client IP, user), shared by every edge replica through
 * the NATS KV bucket EDGE_RATE_LIMITS: N replicas together admit the limit, not N× it.
 *
 * A KV round trip on every request would be the price of a plain shared counter. Instead a
 * replica reserves a block of a window's budget with compare-and-set and spends it locally, and
 * remembers a spent window until it ends. Reservations never add up to more than `max`, so the
 * replicas together never admit more than the limit. The slack runs the other way: requests a
 * replica reserved and did not use are lost to the others, so a window may close a little early
 * when traffic of one key is spread over replicas (blocks are 1 under 40 requests a window, at
 * most 1/20 of the limit, and shrink as the window fills).
 *
 * If KV fails or does not answer in time, the request is admitted (fail open) and the failure
 * logged: the limits protect capacity, and an outage of the limiter must not become one of the API.
 */
import { hash } from "node:crypto";
import { type KV, Kvm } from "@nats-io/kv";
import { JetStreamApiCodes, JetStreamApiError, type JetStreamClient } from "@nats-io/jetstream";
import { AppError } from "../kit/errors.ts";
import type { Logger } from "../kit/log.ts";

export type Limit = { max: number; windowMs: number };

export const RATE_LIMIT_BUCKET = "EDGE_RATE_LIMITS";
/**
 * The bucket's max_age expires old windows (nats-server 2.9 has no per-key TTL). It must outlive
 * the longest window (1 min today), or a counter would vanish mid-window and admit again.
 */
export const RATE_LIMIT_TTL_MS = 2 * 60_000;

/** Creates or opens the bucket; every replica (and test) must pass the same settings. */
export function openRateLimitBucket(js: JetStreamClient): Promise<KV> {
  return new Kvm(js).create(RATE_LIMIT_BUCKET, {
    ttl: RATE_LIMIT_TTL_MS,
    history: 1,
    description: "Fixed-window request counters of the edge, shared by its replicas.",
  });
}

/** The KV calls the limiter makes (a test may count them). */
export type CounterStore = Pick<KV, "get" | "put">;

export type RateLimiterOptions = {
  kv: CounterStore;
  log: Logger;
  /** Longest wait for KV before admitting anyway. */
  timeoutMs?: number;
  /** After a KV failure, admit without asking KV for this long (no per-request timeouts, one log line). */
  failOpenMs?: number;
  /** Largest block a replica reserves at once. */
  maxBlock?: number;
};

type Window = {
  kvKey: string;
  end: number;
  /** Requests reserved in KV by this replica and not yet admitted. */
  allowance: number;
  /** KV says the window is spent: refuse until it ends without asking again. */
  full: boolean;
  /** The counter as this replica last wrote or read it, to compare-and-set in one round trip. */
  seen?: { count: number; revision: number };
  /** One reservation at a time per key: concurrent requests wait for it instead of racing it. */
  reserving?: Promise<boolean>;
};

/** Compare-and-set rounds lost to other replicas before giving up (and admitting). */
const MAX_ATTEMPTS = 32;

export class RateLimiter {
  readonly #kv: CounterStore;
  readonly #log: Logger;
  readonly #timeoutMs: number;
  readonly #failOpenMs: number;
  readonly #maxBlock: number;
  readonly #windows = new Map<string, Window>();
  #failingOpenUntil = 0;
  #sweeper: ReturnType<typeof setInterval>;

  constructor(opts: RateLimiterOptions) {
    this.#kv = opts.kv;
    this.#log = opts.log;
    this.#timeoutMs = opts.timeoutMs ?? 500;
    this.#failOpenMs = opts.failOpenMs ?? 2_000;
    this.#maxBlock = opts.maxBlock ?? 32;
    this.#sweeper = setInterval(() => this.#sweep(), 10_000);
    this.#sweeper.unref?.();
  }

  /** Counts one request; throws a 429 (with the seconds to wait) once the window is full. */
  async hit(key: string, limit: Limit, now = Date.now()): Promise<void> {
    const w = this.#window(key, limit, now);
    for (;;) {
      if (w.allowance > 0) {
        w.allowance--;
        return;
      }
      if (w.full) throw rateLimited(Math.max(1, Math.ceil((w.end - now) / 1000)));
      if (Date.now() < this.#failingOpenUntil) return;
      w.reserving ??= this.#reserve(w, limit).finally(() => (w.reserving = undefined));
      if (!(await w.reserving)) return;
    }
  }

  stop(): void {
    clearInterval(this.#sweeper);
  }

  #window(key: string, limit: Limit, now: number): Window {
    let w = this.#windows.get(key);
    if (!w || w.end <= now) {
      // Windows start at multiples of windowMs since the epoch, so every replica names the same one.
      const start = now - (now % limit.windowMs);
      w = { kvKey: `${kindOf(key)}.${hash("sha256", key, "base64url")}.${start}`, end: start + limit.windowMs, allowance: 0, full: false };
      this.#windows.set(key, w);
    }
    return w;
  }

  /** Adds a block to the window's allowance (or marks it full); false when KV failed. */
  async #reserve(w: Window, limit: Limit): Promise<boolean> {
    const claim = this.#claim(w, limit);
    // A claim that loses the race against the deadline still settles later: keep its rejection handled.
    claim.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<"timeout">((resolve) => (timer = setTimeout(resolve, this.#timeoutMs, "timeout")));
    try {
      if ((await Promise.race([claim, deadline])) === "timeout") throw new Error(`no answer from KV in ${this.#timeoutMs} ms`);
      return true;
    } catch (err) {
      const firstFailure = Date.now() >= this.#failingOpenUntil;
      this.#failingOpenUntil = Date.now() + this.#failOpenMs;
      if (firstFailure) this.#log.warn({ err, bucket: RATE_LIMIT_BUCKET }, "rate limits unavailable: admitting requests (fail open)");
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async #claim(w: Window, limit: Limit): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const count = w.seen?.count ?? 0;
      const remaining = limit.max - count;
      if (remaining <= 0) {
        w.full = true;
        return;
      }
      const block = Math.max(1, Math.min(this.#maxBlock, Math.floor(limit.max / 20), Math.floor(remaining / 4)));
      try {
        // put with previousSeq is the compare-and-set (0 = "absent", as kv.create does); kv.create
        // itself would spend a second round trip on a conflict, which is the common case here.
        const revision = await this.#kv.put(w.kvKey, String(count + block), { previousSeq: w.seen?.revision ?? 0, timeout: this.#timeoutMs });
        w.seen = { count: count + block, revision };
        w.allowance += block;
        return;
      } catch (err) {
        if (!isWrongRevision(err)) throw err;
      }
      // Another replica moved the counter: read it and try again from there.
      const e = await this.#kv.get(w.kvKey);
      w.seen = e ? { count: e.operation === "PUT" ? Number.parseInt(e.string(), 10) || 0 : 0, revision: e.revision } : undefined;
    }
    throw new Error(`rate limit counter ${w.kvKey}: lost ${MAX_ATTEMPTS} compare-and-set rounds`);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [k, w] of this.#windows) if (w.end <= now && !w.reserving) this.#windows.delete(k);
  }
}

/** `ip:…` → `ip`: keeps the bucket readable by kind; the rest of the key is hashed (IPv6, tokens). */
function kindOf(key: string): string {
  const colon = key.indexOf(":");
  return (colon > 0 ? key.slice(0, colon) : "key").replace(/[^A-Za-z0-9_-]/g, "_");
}

function isWrongRevision(err: unknown): boolean {
  return err instanceof JetStreamApiError &&
    (err.code === JetStreamApiCodes.StreamWrongLastSequence || err.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", `too many requests; retry in ${retryAfterSeconds} s`, { details: { retryAfterSeconds } });
}

export function retryAfterOf(err: unknown): number | undefined {
  // The edge's own limits, and a service's (an event's message limit) that says when to retry.
  if (!(err instanceof AppError) || err.status !== 429) return undefined;
  const d = err.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof d?.retryAfterSeconds === "number" ? d.retryAfterSeconds : undefined;
}
