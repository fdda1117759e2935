/**
 * Fixed-window request counters per key (client IP, user), in memory.
 * REVIEW: limits hold per replica (N replicas admit N× the limit); NATS KV counters with
 * compare-and-set would make them global at the price of one KV round trip per request.
 */
import { AppError } from "../kit/errors.ts";

export type Limit = { max: number; windowMs: number };

export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #sweeper: ReturnType<typeof setInterval>;

  constructor() {
    this.#sweeper = setInterval(() => this.#sweep(), 10_000);
    this.#sweeper.unref?.();
  }

  /** Counts one request; throws a 429 (with the seconds to wait) once the window is full. */
  hit(key: string, limit: Limit, now = Date.now()): void {
    let w = this.#windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + limit.windowMs };
      this.#windows.set(key, w);
    }
    w.count++;
    if (w.count > limit.max) throw rateLimited(Math.max(1, Math.ceil((w.resetAt - now) / 1000)));
  }

  stop(): void {
    clearInterval(this.#sweeper);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
  }
}

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", `too many requests; retry in ${retryAfterSeconds} s`, { details: { retryAfterSeconds } });
}

export function retryAfterOf(err: unknown): number | undefined {
  if (!(err instanceof AppError) || err.code !== "rate_limited") return undefined;
  const d = err.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof d?.retryAfterSeconds === "number" ? d.retryAfterSeconds : undefined;
}
