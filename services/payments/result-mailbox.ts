/**
 * The result mailbox: verified callbacks that arrive together are decided together. Each replica
 * queues them here; up to `batches` batches are in flight at once, each of up to `batchMax`
 * results, and each commits in ONE payments transaction with ONE bookings settle for all its
 * successes (settlement.ts). While every slot is busy the mailbox fills, so the next batch is
 * bigger: a storm of callbacks costs a few transactions and settles, not one of each per callback.
 *
 * Exactly once, as before: a batch holds its payments' row locks (taken in id order) from the
 * first read to the commit, and a (payment, provider id, result) already in `callbacks` gets its
 * stored answer. A payment is never in two batches of this replica at once (a repeat waits for the
 * batch in flight, then reads its decision); replicas serialize on the row locks. Nothing is
 * answered before its batch commits; a batch that fails is tried again result by result, so one
 * bad result fails alone, and whatever still fails is answered with an error (HTTP 5xx at the
 * edge) and the provider sends it again.
 */
import { retryConflicts } from "../kit/db.ts";
import { meter } from "../kit/trace.ts";
import type { Deps } from "./deps.ts";
import type { ResultNotice } from "./providers/provider.ts";
import { commitResults, type Decided } from "./settlement.ts";

type Pending = { n: ResultNotice; resolve(d: Decided): void; reject(err: unknown): void };

export type MailboxOptions = { batchMax: number; batches: number };

export class ResultMailbox {
  private queue: Pending[] = [];
  /** Payments in a batch in flight in this replica. */
  private readonly busy = new Set<string>();
  private running = 0;
  private scheduled = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly deps: Deps;
  private readonly opts: MailboxOptions;
  private readonly sizes = meter().createHistogram("payments_callback_batch_size", {
    description: "Callback results decided per payments transaction.",
    advice: { explicitBucketBoundaries: [1, 2, 5, 10, 20, 50, 100, 200, 500] },
  });

  constructor(deps: Deps, opts: MailboxOptions) {
    this.deps = deps;
    this.opts = opts;
  }

  /** Resolves with the decision once the batch holding it committed. */
  apply(n: ResultNotice): Promise<Decided> {
    return new Promise<Decided>((resolve, reject) => {
      this.queue.push({ n, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is queued or in flight (shutdown). */
  async idle(): Promise<void> {
    while (this.queue.length || this.inFlight.size) await Promise.allSettled([...this.inFlight, new Promise((r) => setImmediate(r))]);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Let results that arrive in the same tick join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.opts.batches && this.queue.length) {
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const ids = new Set<string>();
      for (const p of this.queue) {
        if (batch.length < this.opts.batchMax && !this.busy.has(p.n.orderId) && !ids.has(p.n.orderId)) {
          batch.push(p);
          ids.add(p.n.orderId);
        } else rest.push(p);
      }
      // Only repeats of payments in flight are left: they go once those batches commit.
      if (batch.length === 0) return;
      this.queue = rest;
      for (const id of ids) this.busy.add(id);
      this.running++;
      const run = this.commit(batch).finally(() => {
        this.running--;
        for (const id of ids) this.busy.delete(id);
        this.inFlight.delete(run);
        if (this.queue.length) this.schedule();
      });
      this.inFlight.add(run);
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    this.sizes.record(batch.length);
    let decided: Decided[];
    try {
      decided = await retryConflicts(() => commitResults(this.deps, batch.map((p) => p.n)), 3);
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      this.deps.log.warn({ err, batch: batch.length }, "callback batch failed; deciding its results one by one");
      await Promise.all(batch.map((p) => this.commit([p])));
      return;
    }
    batch.forEach((p, i) => p.resolve(decided[i]));
  }
}
