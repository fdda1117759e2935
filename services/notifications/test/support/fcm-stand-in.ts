/**
 * A local stand-in for the FCM HTTP v1 API (there is no official emulator): it takes
 * POST /v1/projects/{id}/messages:send, records each message, and answers per token as told:
 * 404 UNREGISTERED, 400 INVALID_ARGUMENT, 429 with Retry-After, or 503. It listens twice: HTTP/1.1
 * (what the service's firebase-admin `send` speaks through its agent) and cleartext HTTP/2 (`h2Url`,
 * for measuring firebase-admin's HTTP/2 transport in bench/fanout.ts).
 */
import { createServer, type IncomingMessage } from "node:http";
import { createServer as createH2Server, type Http2ServerRequest } from "node:http2";
import type { AddressInfo } from "node:net";

export type FcmMessage = {
  token: string;
  android?: { collapse_key?: string };
  apns?: { headers?: Record<string, string> };
  notification?: { title?: string; body?: string };
  data?: Record<string, string>;
  webpush?: { fcmOptions?: { link?: string }; fcm_options?: { link?: string } };
};
export type FcmFailure = "unregistered" | "invalid" | "rate-limited" | "unavailable";

export type FcmStandIn = {
  url: string;
  /** The same API over cleartext HTTP/2 (prior knowledge). */
  h2Url: string;
  /** Messages answered 200, in order. */
  messages: FcmMessage[];
  /** Every request received (including refused ones), by token. */
  requests: Map<string, number>;
  /** Answer `failure` for a token `times` times (default forever), then 200. */
  fail(token: string, failure: FcmFailure, times?: number, retryAfterSeconds?: number): void;
  to(token: string): FcmMessage[];
  stop(): Promise<void>;
};

/** What the handler needs of an HTTP/1.1 or HTTP/2 response. */
type Res = { writeHead(status: number, headers?: Record<string, string>): unknown; end(body: string): unknown };

function fcmError(res: Res, status: number, statusText: string, errorCode: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(
    JSON.stringify({
      error: {
        code: status,
        message: `stand-in: ${errorCode}`,
        status: statusText,
        details: [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode }],
      },
    }),
  );
}

export async function startFcmStandIn(): Promise<FcmStandIn> {
  const messages: FcmMessage[] = [];
  const requests = new Map<string, number>();
  const rules = new Map<string, { failure: FcmFailure; times: number; retryAfter: number }>();
  let n = 0;
  const handle = (req: IncomingMessage | Http2ServerRequest, res: Res) => {
    const m = req.url?.match(/^\/v1\/projects\/([^/]+)\/messages:send$/);
    if (req.method !== "POST" || !m) {
      res.writeHead(404);
      res.end("");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { message: FcmMessage };
      const token = body.message.token;
      requests.set(token, (requests.get(token) ?? 0) + 1);
      const rule = rules.get(token);
      if (rule && rule.times > 0) {
        rule.times--;
        if (rule.failure === "unregistered") return fcmError(res, 404, "NOT_FOUND", "UNREGISTERED");
        if (rule.failure === "invalid") return fcmError(res, 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT");
        if (rule.failure === "rate-limited") return fcmError(res, 429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", { "retry-after": String(rule.retryAfter) });
        return fcmError(res, 503, "UNAVAILABLE", "UNAVAILABLE", { "retry-after": String(rule.retryAfter) });
      }
      messages.push(body.message);
      res.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
      res.end(JSON.stringify({ name: `projects/${m[1]}/messages/${++n}` }));
    });
  };
  const server = createServer((req, res) => handle(req, res));
  server.keepAliveTimeout = 30_000;
  const h2 = createH2Server((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => h2.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    h2Url: `http://127.0.0.1:${(h2.address() as AddressInfo).port}`,
    messages,
    requests,
    fail: (token, failure, times = Infinity, retryAfterSeconds = 1) => void rules.set(token, { failure, times, retryAfter: retryAfterSeconds }),
    to: (token) => messages.filter((m) => m.token === token),
    stop: () =>
      Promise.all([
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
        new Promise<void>((resolve) => h2.close(() => resolve())),
      ]).then(() => undefined),
  };
}
