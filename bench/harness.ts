/**
 * Shared by the benchmarks: closed-loop load with N requests in flight for a fixed time,
 * latency percentiles, rounds interleaved so machine noise hits every contender alike.
 */
export type Sample = { rps: number; p50: number; p99: number; errors: number };

export async function closedLoop(fn: () => Promise<unknown>, opts: { inFlight: number; seconds: number }): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.inFlight }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), errors };
}

/** Runs `fn` over `items` with `inFlight` of them at once, in order of start. */
export async function pool<T>(items: T[], inFlight: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  }));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export type Compared = {
  /** Per contender, the round with the median rate. */
  median: Record<string, Sample>;
  /** Per contender, every round in order (round i of each contender ran back to back). */
  rounds: Record<string, Sample[]>;
};

/**
 * Runs each contender `rounds` times, interleaved (each round runs every contender back to back,
 * so they share that moment's machine noise), after a warm-up of each.
 */
export async function compare(
  contenders: Record<string, () => Promise<unknown>>,
  opts: { inFlight: number; seconds: number; rounds: number; warmupSeconds?: number },
): Promise<Compared> {
  for (const fn of Object.values(contenders)) await closedLoop(fn, { inFlight: opts.inFlight, seconds: opts.warmupSeconds ?? 1 });
  const rounds: Record<string, Sample[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < opts.rounds; r++) {
    for (const [name, fn] of Object.entries(contenders)) rounds[name].push(await closedLoop(fn, opts));
  }
  const med = Object.fromEntries(
    Object.entries(rounds).map(([name, samples]) => {
      const m = median(samples.map((s) => s.rps));
      return [name, samples.find((s) => s.rps === m)!];
    }),
  );
  return { median: med, rounds };
}

/** The median over rounds of a/b: noise that hit both contenders in one round cancels out. */
export function ratio(c: Compared, a: string, b: string): number {
  return median(c.rounds[a].map((s, i) => s.rps / c.rounds[b][i].rps));
}

export function table(results: Record<string, Sample>): string {
  const rows = Object.entries(results).map(([name, s]) =>
    `${name.padEnd(34)} ${s.rps.toFixed(0).padStart(9)} ${s.p50.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)} ${String(s.errors).padStart(7)}`
  );
  return [`${"contender".padEnd(34)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)}`, ...rows].join("\n");
}
