/**
 * The web app's only way into the platform: the edge's public HTTP API, as any client would use
 * it. Replies come back as `{ ok, status, data }` or `{ ok: false, problem }` (RFC 9457), so a
 * page can show the field the edge named.
 */
export type Problem = { status: number; code: string; detail: string; errors?: Array<{ field: string; message: string }>; details?: Record<string, unknown> };

export type EdgeReply<T> = { ok: true; status: number; data: T; headers: Headers } | { ok: false; status: number; problem: Problem; headers: Headers };

export type EdgeRequest = {
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** The browser's IP, forwarded so the edge's per-IP limits see people, not this service. */
  ip?: string;
  idempotencyKey?: string;
  /** A raw body (text) instead of JSON, e.g. a stream; the caller reads `response`. */
  accept?: string;
};

export class EdgeClient {
  readonly base: () => string;
  readonly timeoutMs: number;
  constructor(base: () => string, timeoutMs: number) {
    this.base = base;
    this.timeoutMs = timeoutMs;
  }

  url(path: string, query?: EdgeRequest["query"]): string {
    const u = new URL(path, this.base());
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") u.searchParams.set(k, String(v));
    return u.toString();
  }

  headers(req: EdgeRequest): Record<string, string> {
    const h: Record<string, string> = { accept: req.accept ?? "application/json" };
    if (req.token) h.authorization = `Bearer ${req.token}`;
    if (req.body !== undefined) h["content-type"] = "application/json";
    if (req.ip) h["x-forwarded-for"] = req.ip;
    if (req.idempotencyKey) h["idempotency-key"] = req.idempotencyKey;
    return h;
  }

  /** A raw response (streams, files); the caller owns its body. */
  async fetch(method: string, path: string, req: EdgeRequest = {}, signal?: AbortSignal): Promise<Response> {
    return fetch(this.url(path, req.query), {
      method,
      headers: this.headers(req),
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
      redirect: "manual",
    });
  }

  async request<T>(method: string, path: string, req: EdgeRequest = {}): Promise<EdgeReply<T>> {
    let res: Response;
    try {
      res = await this.fetch(method, path, req, AbortSignal.timeout(this.timeoutMs));
    } catch (err) {
      const timeout = (err as Error).name === "TimeoutError";
      return {
        ok: false,
        status: timeout ? 504 : 503,
        problem: { status: timeout ? 504 : 503, code: timeout ? "timeout" : "unavailable", detail: "the API did not answer" },
        headers: new Headers(),
      };
    }
    const text = await res.text();
    const type = res.headers.get("content-type") ?? "";
    if (res.ok) return { ok: true, status: res.status, data: (type.includes("json") ? JSON.parse(text) : text) as T, headers: res.headers };
    let problem: Problem = { status: res.status, code: "internal", detail: text.slice(0, 200) };
    if (type.includes("json")) {
      try {
        problem = JSON.parse(text) as Problem;
      } catch {
        // keep the text
      }
    }
    return { ok: false, status: res.status, problem, headers: res.headers };
  }
}
