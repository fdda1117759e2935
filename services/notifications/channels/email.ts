/**
 * Email over a pooled SMTP transport (nodemailer). The SMTP reply decides what happens next:
 * 2xx sent; 5xx is permanent (the address is suppressed, never retried); 4xx and transport
 * failures are temporary (retried with backoff by the caller, then marked failed).
 */
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";

/** A file with the email; with `cid`, an inline image the HTML shows as `cid:<cid>`. */
export type EmailAttachment = { filename: string; content: Buffer | string; contentType: string; cid?: string };
export type EmailMessage = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  attachments?: EmailAttachment[];
};
export type SendOutcome = { outcome: "sent" } | { outcome: "permanent"; error: string } | { outcome: "temporary"; error: string; retryAfterMs?: number };

export type Mailer = { send(m: EmailMessage): Promise<SendOutcome>; close(): void };

export function createMailer(smtpUrl: string, maxConnections: number): Mailer {
  const u = new URL(smtpUrl);
  const options: SMTPPool.Options = {
    pool: true,
    maxConnections,
    maxMessages: Infinity,
    host: u.hostname,
    port: Number(u.port) || (u.protocol === "smtps:" ? 465 : 587),
    secure: u.protocol === "smtps:",
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // smtp://host?ignoreTLS=true for a relay on loopback that offers no STARTTLS.
    ignoreTLS: u.searchParams.get("ignoreTLS") === "true",
    connectionTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transport = nodemailer.createTransport(options);
  return {
    async send(m) {
      try {
        await transport.sendMail({
          from: m.from,
          to: m.to,
          subject: m.subject,
          html: m.html,
          text: m.text,
          messageId: m.messageId,
          headers: m.headers,
          attachments: m.attachments,
        });
        return { outcome: "sent" };
      } catch (err) {
        const e = err as Error & { responseCode?: number; response?: string };
        const error = (e.response ?? e.message).slice(0, 300);
        if (e.responseCode && e.responseCode >= 500) return { outcome: "permanent", error };
        return { outcome: "temporary", error };
      }
    },
    close: () => transport.close(),
  };
}
