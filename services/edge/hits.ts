/**
 * Reads answered from the edge's cache never reach their service, which may still need to
 * hear of them (page views make an event popular). Hits are counted here per key and reported
 * once a second, one request per route's subject. Best effort, like the statistics they feed:
 * a report that fails is logged and dropped, never retried into a double count.
 */
import type { NatsConnection } from "@nats-io/nats-core";
import { call } from "../kit/call.ts";
import type { Logger } from "../kit/log.ts";
import type { HitReport } from "./routes/route.ts";

/** Keys per report request; the contract's maxItems bounds it too. */
const CHUNK = 1000;

export class HitReporter {
  readonly #nc: NatsConnection;
  readonly #log: Logger;
  readonly #pending = new Map<HitReport, Map<string, number>>();
  readonly #timer: ReturnType<typeof setInterval>;
  #flushing: Promise<void> = Promise.resolve();

  constructor(opts: { nc: NatsConnection; log: Logger; intervalMs?: number }) {
    this.#nc = opts.nc;
    this.#log = opts.log;
    this.#timer = setInterval(() => void this.flush(), opts.intervalMs ?? 1_000);
    this.#timer.unref?.();
  }

  add(report: HitReport, key: string): void {
    let counts = this.#pending.get(report);
    if (!counts) this.#pending.set(report, counts = new Map());
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  /** Sends what was counted so far (one flush at a time). */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#send());
    return this.#flushing;
  }

  /** Reports what is left, for a clean shutdown. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  async #send(): Promise<void> {
    const batches = [...this.#pending];
    this.#pending.clear();
    for (const [report, counts] of batches) {
      const entries = [...counts];
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        try {
          await call(this.#nc, report.contract, report.request(chunk) as never, { timeoutMs: 5_000 });
        } catch (err) {
          this.#log.warn({ err, subject: report.contract.subject, keys: chunk.length }, "cache hits not reported");
        }
      }
    }
  }
}
