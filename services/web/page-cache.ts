/**
 * A micro-cache of the pages anonymous visitors get (the event page, home, search): a burst of
 * visitors to one event — a link shared widely, search engines — is served from memory, and each
 * page is rendered (three calls to the edge) at most once per WEB_PAGE_CACHE_MS per locale.
 * Anonymous only: a signed-in page shows the person's own state and is always rendered. A page
 * that minted an anonymous CSRF cookie (it has a form) is never cached, nor one that set a cookie
 * or answered anything but 200. Compressed bodies are kept per encoding, so a hit costs no
 * compression either. Seats left can be up to WEB_PAGE_CACHE_MS old on such a page; booking
 * itself always asks the inventory.
 */
import { Buffer } from "node:buffer";

export type CachedPage = { body: Buffer | string; type: string; encoding: string | undefined; expires: number };

export class PageCache {
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #pages = new Map<string, CachedPage>();
  readonly #rendering = new Map<string, Promise<CachedPage | undefined>>();

  constructor(ttlMs: number, max = 1_000) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  get enabled(): boolean {
    return this.#ttlMs > 0;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    if (page.expires <= now) {
      this.#pages.delete(key);
      return undefined;
    }
    return page;
  }

  set(key: string, page: Omit<CachedPage, "expires">, now = Date.now()): CachedPage | undefined {
    if (!this.enabled) return undefined;
    // Oldest first out (Map keeps insertion order): a crawl of many pages cannot grow it forever.
    if (this.#pages.size >= this.#max && !this.#pages.has(key)) this.#pages.delete(this.#pages.keys().next().value!);
    const cached = { ...page, expires: now + this.#ttlMs };
    this.#pages.set(key, cached);
    return cached;
  }

  /**
   * A render of `key` starts: until the returned function is called (with the page, or nothing
   * when it could not be cached), `rendering(key)` makes others wait for it instead of rendering
   * it again — when a popular page expires, one request renders it, not every one in flight.
   */
  begin(key: string): (page?: CachedPage) => void {
    let settle!: (page: CachedPage | undefined) => void;
    const done = new Promise<CachedPage | undefined>((resolve) => (settle = resolve));
    this.#rendering.set(key, done);
    return (page) => {
      if (this.#rendering.get(key) === done) this.#rendering.delete(key);
      settle(page);
    };
  }

  /** The page being rendered for `key` right now, once it is; undefined when nobody renders it. */
  rendering(key: string): Promise<CachedPage | undefined> | undefined {
    return this.#rendering.get(key);
  }

  get size(): number {
    return this.#pages.size;
  }
}
