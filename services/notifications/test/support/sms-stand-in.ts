/**
 * A local stand-in for Twilio's Messages API (tests, `make up` without an account): it takes
 * POST /2010-04-01/Accounts/{sid}/Messages.json (form-encoded, basic auth), records each message,
 * answers like Twilio (201 with a sid; 401 code 20003 for wrong credentials; 400 code 21211 for an
 * invalid number; 429 code 20429) and then posts signed delivery receipts (X-Twilio-Signature) to
 * the message's StatusCallback: sent, then delivered, or undelivered with ErrorCode 30005 for a
 * number told to be unreachable.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { twilioSignature } from "../../channels/sms.ts";

export const STAND_IN_ACCOUNT_SID = `AC${"0".repeat(31)}1`;
export const STAND_IN_AUTH_TOKEN = "stand-in-auth-token-0123456789";
export const STAND_IN_FROM = "+15005550006";

export type SmsRecord = { sid: string; to: string; from: string; body: string; statusCallback: string | null; at: number };
/** invalid: refused at once (21211); undeliverable: accepted, then an undelivered receipt (30005); rate-limited: 429. */
export type SmsFailure = "invalid" | "undeliverable" | "rate-limited";

export type SmsStandIn = {
  url: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** Messages accepted (201), in order. */
  messages: SmsRecord[];
  /** Requests per number, refused ones included. */
  requests: Map<string, number>;
  fail(number: string, failure: SmsFailure): void;
  heal(number: string): void;
  to(number: string): SmsRecord[];
  /** Receipts posted, with the answer the callback gave. */
  receipts: Array<{ sid: string; status: string; answer: number }>;
  stop(): Promise<void>;
};

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
}

export async function startSmsStandIn(opts: { receiptDelayMs?: number } = {}): Promise<SmsStandIn> {
  const messages: SmsRecord[] = [];
  const requests = new Map<string, number>();
  const rules = new Map<string, SmsFailure>();
  const receipts: SmsStandIn["receipts"] = [];
  const pending = new Set<Promise<void>>();
  const expectedAuth = `Basic ${Buffer.from(`${STAND_IN_ACCOUNT_SID}:${STAND_IN_AUTH_TOKEN}`).toString("base64")}`;
  const delay = opts.receiptDelayMs ?? 50;

  async function postReceipt(m: SmsRecord, status: string, errorCode?: string): Promise<void> {
    if (!m.statusCallback) return;
    const fields = new URLSearchParams({
      AccountSid: STAND_IN_ACCOUNT_SID,
      ApiVersion: "2010-04-01",
      From: m.from,
      MessageSid: m.sid,
      MessageStatus: status,
      SmsSid: m.sid,
      SmsStatus: status,
      To: m.to,
    });
    if (errorCode) fields.set("ErrorCode", errorCode);
    try {
      const res = await fetch(m.statusCallback, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(STAND_IN_AUTH_TOKEN, m.statusCallback, fields) },
        body: fields.toString(),
      });
      await res.body?.cancel();
      receipts.push({ sid: m.sid, status, answer: res.status });
    } catch {
      receipts.push({ sid: m.sid, status, answer: 0 });
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const m = req.url?.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/);
    if (req.method !== "POST" || !m) return twilioError(res, 404, 20404, "The requested resource was not found");
    if (req.headers.authorization !== expectedAuth || m[1] !== STAND_IN_ACCOUNT_SID) return twilioError(res, 401, 20003, "Authenticate");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const to = form.get("To") ?? "";
      requests.set(to, (requests.get(to) ?? 0) + 1);
      if (!form.get("Body")) return twilioError(res, 400, 21602, "Message body is required.");
      const rule = rules.get(to);
      if (!/^\+[1-9][0-9]{7,14}$/.test(to) || rule === "invalid") return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (rule === "rate-limited") return twilioError(res, 429, 20429, "Too Many Requests");
      const record: SmsRecord = {
        sid: `SM${randomBytes(16).toString("hex")}`,
        to,
        from: form.get("From") ?? "",
        body: form.get("Body") ?? "",
        statusCallback: form.get("StatusCallback"),
        at: Date.now(),
      };
      messages.push(record);
      res.writeHead(201, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          sid: record.sid,
          account_sid: STAND_IN_ACCOUNT_SID,
          to,
          from: record.from,
          body: record.body,
          status: "queued",
          num_segments: "1",
          error_code: null,
          error_message: null,
          api_version: "2010-04-01",
        }),
      );
      const p = (async () => {
        await new Promise((r) => setTimeout(r, delay));
        await postReceipt(record, "sent");
        if (rule === "undeliverable") await postReceipt(record, "undelivered", "30005");
        else await postReceipt(record, "delivered");
      })();
      pending.add(p);
      void p.finally(() => pending.delete(p));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid: STAND_IN_ACCOUNT_SID,
    authToken: STAND_IN_AUTH_TOKEN,
    from: STAND_IN_FROM,
    messages,
    requests,
    receipts,
    fail: (number, failure) => void rules.set(number, failure),
    heal: (number) => void rules.delete(number),
    to: (number) => messages.filter((x) => x.to === number),
    async stop() {
      await Promise.allSettled([...pending]);
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
