/**
 * SMS through Twilio's Programmable Messaging REST API (POST /2010-04-01/Accounts/{sid}/Messages.json,
 * form-encoded To/From/Body/StatusCallback, HTTP basic auth with the account SID and auth token),
 * with plain fetch: one endpoint and one signature check do not need the SDK (twilio on npm pulls
 * axios and a dozen more packages for the whole API surface). `apiUrl` points it at a local
 * stand-in in tests (services/notifications/test/support/sms-stand-in.ts).
 *
 * The reply decides what happens next: 201 accepted (the message's sid comes back in the
 * delivery receipts); a Twilio error that says the number cannot take SMS (INVALID_NUMBER_CODES)
 * suppresses it; 429 (or code 20429), 5xx and network failures are temporary; other refusals are
 * permanent for this message only.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type SmsMessage = { to: string; body: string };
export type SmsOutcome =
  | { outcome: "sent"; sid: string }
  | { outcome: "invalid-number"; error: string; code: string }
  | { outcome: "temporary"; error: string; retryAfterMs?: number }
  | { outcome: "permanent"; error: string; code: string };

export type SmsSender = {
  /** The provider's name, for logs and docs. */
  readonly provider: "twilio";
  /** Where delivery receipts are posted (and the URL their signature covers). */
  readonly statusCallback: string;
  send(m: SmsMessage): Promise<SmsOutcome>;
  /** Whether a receipt's signature is the provider's: the form's fields as sent, the header. */
  verify(fields: URLSearchParams, signature: string): boolean;
};

/**
 * Twilio error codes that mean the number itself cannot receive SMS: 21211 invalid 'To' number,
 * 21612 not routable, 21614 not a mobile number, 21610 the recipient replied STOP; and, in delivery
 * receipts, 30004 blocked, 30005 unknown or inactive number, 30006 landline or unreachable carrier.
 * 30003 (handset off or out of coverage) and 30007/30008 (filtered, unknown) are not the number's
 * fault: recorded, not suppressed.
 */
export const INVALID_NUMBER_CODES: ReadonlySet<string> = new Set(["21211", "21612", "21614", "21610", "30004", "30005", "30006"]);

export function createTwilio(
  opts: { accountSid: string; authToken: string; from: string; apiUrl: string; statusCallback: string; timeoutMs?: number },
): SmsSender {
  const url = `${opts.apiUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString("base64")}`;
  return {
    provider: "twilio",
    statusCallback: opts.statusCallback,
    async send(m) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: new URLSearchParams({ To: m.to, From: opts.from, Body: m.body, StatusCallback: opts.statusCallback }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        return { outcome: "temporary", error: `transport: ${(err as Error).message}`.slice(0, 300) };
      }
      const text = await res.text();
      let body: { sid?: unknown; code?: unknown; message?: unknown } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        // A proxy's HTML error page: judged by the status alone.
      }
      if (res.status === 200 || res.status === 201) {
        if (typeof body.sid === "string" && body.sid) return { outcome: "sent", sid: body.sid };
        return { outcome: "temporary", error: `${res.status}: reply without a message sid` };
      }
      const code = body.code === undefined || body.code === null ? "" : String(body.code);
      const error = `${res.status}${code ? ` ${code}` : ""}: ${typeof body.message === "string" ? body.message : text}`.slice(0, 300);
      if (INVALID_NUMBER_CODES.has(code)) return { outcome: "invalid-number", error, code };
      if (res.status === 429 || code === "20429" || res.status >= 500) {
        return { outcome: "temporary", error, retryAfterMs: retryAfterMs(res.headers.get("retry-after")) };
      }
      return { outcome: "permanent", error, code };
    },
    verify: (fields, signature) => verifyTwilioSignature(opts.authToken, opts.statusCallback, fields, signature),
  };
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL the
 * provider called followed by every POST field's name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, fields: URLSearchParams): string {
  const pairs = [...fields].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let data = url;
  for (const [k, v] of pairs) data += k + v;
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function verifyTwilioSignature(authToken: string, url: string, fields: URLSearchParams, signature: string): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, fields));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  return Number.isFinite(s) && s >= 0 ? s * 1_000 : undefined;
}
