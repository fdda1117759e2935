/**
 * A real SMTP server (npm smtp-server) on 127.0.0.1 and a free port that records every message
 * it accepts, and can be told to answer 550 (permanent) or 451 (temporary) for given recipients.
 */
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { mimeParts } from "./mime.ts";

export type SunkMail = { to: string; from: string; raw: string; headers: Map<string, string>; messageId: string; subject: string; text: string; html: string };

export type SmtpSink = {
  url: string;
  messages: SunkMail[];
  /** Recipients (lowercase) answered with this code at RCPT TO: 550 or 451; `times` answers, then accept. */
  reject(address: string, code: 550 | 451, times?: number): void;
  /** RCPT TO attempts per recipient (accepted or not). */
  attempts: Map<string, number>;
  /** Answers each message's DATA `ms` after receiving it (a slow relay), recording it at once. */
  slow(ms: number): void;
  to(address: string): SunkMail[];
  stop(): Promise<void>;
};

/** RFC 2047 encoded words (B and Q) in a header value. */
function decodeWords(v: string): string {
  return v.replace(/\?=\s+=\?/g, "?==?").replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
    (_m, _cs: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
  );
}

/** The decoded text/plain and text/html parts of a message, however deeply nested (attachments). */
function parts(raw: string): { text: string; html: string } {
  const leaves = mimeParts(raw);
  return {
    text: leaves.find((p) => p.type === "text/plain")?.body.toString("utf8") ?? "",
    html: leaves.find((p) => p.type === "text/html")?.body.toString("utf8") ?? "",
  };
}

/** Unfolds RFC 5322 headers of a raw message (enough for tests: no encoded-word decoding). */
function parseHeaders(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const out = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  const rules = new Map<string, { code: 550 | 451; times: number }>();
  const attempts = new Map<string, number>();
  let answerAfterMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const a = address.address.toLowerCase();
      attempts.set(a, (attempts.get(a) ?? 0) + 1);
      const rule = rules.get(a);
      if (rule && rule.times > 0) {
        rule.times--;
        const err = new Error(rule.code === 550 ? "5.1.1 mailbox unavailable" : "4.7.1 try again later") as Error & { responseCode: number };
        err.responseCode = rule.code;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = parseHeaders(raw);
        const body = parts(raw);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        for (const r of session.envelope.rcptTo) {
          messages.push({
            to: r.address.toLowerCase(),
            from,
            raw,
            headers,
            messageId: headers.get("message-id") ?? "",
            subject: decodeWords(headers.get("subject") ?? ""),
            ...body,
          });
        }
        if (answerAfterMs) setTimeout(callback, answerAfterMs);
        else callback();
      });
    },
  });
  // A client killed mid-session resets its connection: that is a test scenario, not a failure.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    messages,
    attempts,
    reject: (address, code, times = Infinity) => void rules.set(address.toLowerCase(), { code, times }),
    slow: (ms) => void (answerAfterMs = ms),
    to: (address) => messages.filter((m) => m.to === address.toLowerCase()),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
