/** A minimal Server-Sent Events reader over fetch, for tests. */
export type SseEvent = { id?: string; event?: string; data: string };

export type SseClient = {
  status: number;
  headers: Headers;
  /** Resolves once `n` events (not comments) have arrived in total. */
  take(n: number, timeoutMs?: number): Promise<SseEvent[]>;
  close(): void;
  /** Resolves when the stream ends (the server closed it, or close() was called). */
  closed: Promise<void>;
};

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { Accept: "text/event-stream", ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  let closed: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    closed = (async () => {
      const decoder = new TextDecoder();
      let buf = "";
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true });
          let i: number;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const ev: SseEvent = { data: "" };
            let isEvent = false;
            for (const line of block.split("\n")) {
              if (line.startsWith(":") || line.startsWith("retry:")) continue;
              const [field, ...rest] = line.split(":");
              const value = rest.join(":").replace(/^ /, "");
              if (field === "id") ev.id = value;
              else if (field === "event") ev.event = value;
              else if (field === "data") ev.data += value;
              isEvent = true;
            }
            if (isEvent) events.push(ev);
            for (const w of waiters) w();
          }
        }
      } catch {
        // aborted
      }
    })();
  } else {
    await res.body?.cancel();
  }
  return {
    status: res.status,
    headers: res.headers,
    closed,
    take: (n, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => events.length >= n && resolve(events.slice(0, n));
        const t = setTimeout(() => reject(new Error(`only ${events.length} of ${n} events within ${timeoutMs} ms: ${JSON.stringify(events)}`)), timeoutMs);
        waiters.push(() => {
          if (events.length >= n) {
            clearTimeout(t);
            check();
          }
        });
        if (events.length >= n) {
          clearTimeout(t);
          check();
        }
      }),
    close: () => abort.abort(),
  };
}
