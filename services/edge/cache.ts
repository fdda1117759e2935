/**
 * In-process cache of public replies, tagged (e.g. `event:<id>`) so that a domain event removes
 * exactly the replies it makes stale. Invalidations arrive on core NATS; one missed while
 * disconnected is covered by clearing everything on reconnect, and the TTL bounds any other miss.
 */
export type CachedReply = { body: string; etag: string; type: string; expiresAt: number; /** Called on every hit (see hits.ts). */ onHit?: () => void };

export class ReplyCache {
  readonly #entries = new Map<string, CachedReply & { tags: string[] }>();
  readonly #byTag = new Map<string, Set<string>>();
  readonly #max: number;
  readonly #ttlMs: number;
  #generation = 0;

  constructor(opts: { maxEntries: number; ttlMs: number }) {
    this.#max = opts.maxEntries;
    this.#ttlMs = opts.ttlMs;
  }

  get(key: string, now = Date.now()): CachedReply | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.#delete(key);
      return undefined;
    }
    return e;
  }

  /** Changes on every invalidation: a reply fetched before one must not be stored after it. */
  get generation(): number {
    return this.#generation;
  }

  set(key: string, value: Omit<CachedReply, "expiresAt">, tags: string[], fetchedAtGeneration = this.#generation): void {
    if (this.#max <= 0 || fetchedAtGeneration !== this.#generation) return;
    this.#delete(key);
    // Oldest first out: a Map iterates in insertion order.
    while (this.#entries.size >= this.#max) this.#delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { ...value, expiresAt: Date.now() + this.#ttlMs, tags });
    for (const t of tags) {
      let keys = this.#byTag.get(t);
      if (!keys) this.#byTag.set(t, keys = new Set());
      keys.add(key);
    }
  }

  invalidate(tag: string): number {
    this.#generation++;
    const keys = this.#byTag.get(tag);
    if (!keys) return 0;
    const n = keys.size;
    for (const k of [...keys]) this.#delete(k);
    return n;
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#byTag.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #delete(key: string): void {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#entries.delete(key);
    for (const t of e.tags) {
      const keys = this.#byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.#byTag.delete(t);
    }
  }
}
