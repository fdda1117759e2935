/**
 * One HTTP exchange over node:http(s), body read as text: the provider adapter's calls and the
 * sandbox's result callbacks. Not `fetch`: undici's fetch cost ≈ 0.6 ms of the event loop per call
 * (web streams, a dispatcher, header objects), the largest single library item of a checkout on
 * the platform's thread (bench/checkout.ts --profile); this is a fraction of that.
 */
import http from "node:http";
import https from "node:https";
import { Buffer } from "node:buffer";

/** An answer as read: status and body text. */
export type HttpAnswer = { status: number; text: string };

/** A keep-alive agent for `base`'s scheme (one per adapter or client, reused across calls). */
export function keepAliveAgent(base: string | URL): http.Agent {
  return String(base).startsWith("https:") ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
}

/** Sends the request; rejects with a `TimeoutError` after `timeoutMs`, whatever stage it is at, or with the socket's error (`code`). */
export function httpRequest(
  url: URL,
  opts: { method: string; headers?: Record<string, string>; body?: string; timeoutMs: number; agent?: http.Agent },
): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...opts.headers };
    if (opts.body !== undefined) headers["content-length"] = Buffer.byteLength(opts.body);
    const req = (url.protocol === "https:" ? https : http).request(url, { method: opts.method, agent: opts.agent, headers });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`no answer within ${opts.timeoutMs} ms`), { name: "TimeoutError" })),
      opts.timeoutMs,
    );
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    req.on("error", fail);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", fail);
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.end(opts.body);
  });
}
