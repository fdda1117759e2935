/**
 * The result mailbox: verified callbacks that arrive together are decided together. Each replica
 * queues them here; up to `batches` batches are in flight at once, each of up to `batchMax`
 * results, and each commits in ONE payments transaction with ONE bookings settle for all its
 * successes (settlement.ts). While every slot is busy the mailbox fills, so the next batch is
 * bigger: a storm of callbacks costs a few transactions and settles, not one of each per callback.
 * A batch starts once as many results are queued as were in play at the last commit (that batch
 * and those that waited), or `lingerMs` after the first, whichever comes first: under a steady
 * storm every batch takes everyone, and a lone callback waits only when one came with company
 * before. A second batch starts beside one in flight only with as many (the storm grows). The refund of a result accepted after its hold expired is asked for outside the slot.
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
import { commitResults, type Decided, refundLate } from "./settlement.ts";

type Pending = { n: ResultNotice; resolve(d: Decided): void; reject(err: unknown): void };

/**
 * `lingerMs`: how long results wait for company when fewer are queued than were in play at the
 * last commit (0: only results of the same tick join a batch). The callers a batch just answered
 * come back a moment later; without the wait the next batch starts with the few that were
 * already queued, and batches alternate big and small (26, 6, 26, 6 with 32 callbacks in flight)
 * while a small one costs the statements, the settle and the relay round of a big one.
 */
export type MailboxOptions = { batchMax: number; batches: number; lingerMs: number };

export class ResultMailbox {
  private queue: Pending[] = [];
  /** Payments in a batch in flight in this replica. */
  private readonly busy = new Set<string>();
  private running = 0;
  private scheduled = false;
  private lingering: ReturnType<typeof setTimeout> | undefined;
  /** Results in play at the last commit (that batch and those queued meanwhile): what the next batch waits for, up to lingerMs. */
  private demand = 0;
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

  /** As many results queued as were in play at the last commit (or a full batch). */
  private ready(): boolean {
    return this.queue.length >= Math.min(this.opts.batchMax, this.demand);
  }

  private schedule(): void {
    if (this.scheduled) return;
    const ready = this.ready();
    if (this.lingering && !ready) return;
    clearTimeout(this.lingering);
    this.lingering = undefined;
    const go = () => {
      this.scheduled = false;
      this.lingering = undefined;
      this.pump();
    };
    // Results that arrive in the same tick join the batch; fewer than were in play wait up to lingerMs for the rest.
    if (ready || this.opts.lingerMs === 0) {
      this.scheduled = true;
      setImmediate(go);
    } else this.lingering = setTimeout(go, this.opts.lingerMs);
  }

  private pump(): void {
    while (this.running < this.opts.batches && this.queue.length) {
      // Beside a batch in flight, another starts only with a full complement (a storm growing):
      // a small one would cost the statements of a big one, and its callers come back to make
      // the next one small too.
      if (this.running > 0 && this.opts.lingerMs > 0 && !this.ready()) return;
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
        this.demand = batch.length + this.queue.length;
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
    batch.forEach((p, i) => {
      const d = decided[i];
      const refundId = "refundId" in d ? d.refundId : undefined;
      if (!refundId) return p.resolve(d);
      // Its refund is asked for before its answer, outside the batch's slot (the provider may be slow).
      const refunding: Promise<void> = refundLate(this.deps, refundId).then(() => p.resolve(d)).finally(() => this.inFlight.delete(refunding));
      this.inFlight.add(refunding);
    });
  }
}
