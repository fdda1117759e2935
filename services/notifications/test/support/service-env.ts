/** The environment of a notifications replica pointed at the sinks (tests, the crash test's workers, the benchmark). */
import { createHash } from "node:crypto";
import { generatePrincipalKeys } from "../../../kit/principal-token.ts";
import { STAND_IN_ACCOUNT_SID, STAND_IN_AUTH_TOKEN, STAND_IN_FROM } from "./sms-stand-in.ts";
import { type LinkPurpose, linkSeal } from "../../../kit/link-seal.ts";

export const UNSUBSCRIBE_SECRET = "test-unsubscribe-secret-0123456789";

/** The key identity would seal link tokens with (the same in every process of a test run). */
export const LINK_SEALING_KEYS = createHash("sha256").update("convene notifications tests: link sealing key").digest("base64");

/** Seals a link token as identity does (kit/link-seal.ts), opening for `ttlMs`. */
export const sealLink = (purpose: LinkPurpose, address: string, token: string, ttlMs = 3_600_000) =>
  linkSeal(LINK_SEALING_KEYS).seal(purpose, address, token, new Date(Date.now() + ttlMs));

/** One edge key pair per test process: replicas in other processes verify what the test mints. */
const PRINCIPAL_KEYS = generatePrincipalKeys();

/** `sms`: the Twilio stand-in and where its receipts go (the edge's webhook), when SMS is wanted. */
export function sinkEnvFor(
  o: { natsUrl: string; databaseUrl: string; smtpUrl: string; fcmUrl: string; sms?: { url: string; statusCallback: string } },
): Record<string, string> {
  return {
    ...(o.sms
      ? {
        TWILIO_ACCOUNT_SID: STAND_IN_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: STAND_IN_AUTH_TOKEN,
        TWILIO_FROM: STAND_IN_FROM,
        TWILIO_API_URL: o.sms.url,
        SMS_STATUS_CALLBACK_URL: o.sms.statusCallback,
        SMS_CODE_SECRET: "test-sms-code-secret-0123456789",
      }
      : {}),
    NATS_URL: o.natsUrl,
    DATABASE_URL: o.databaseUrl,
    HTTP_PORT: "0",
    LOG_LEVEL: "silent",
    SMTP_URL: o.smtpUrl,
    FCM_PROJECT_ID: "convene-test",
    FCM_ENDPOINT: o.fcmUrl,
    PUBLIC_URL: "https://convene.test",
    UNSUBSCRIBE_SECRET,
    LINK_SEALING_KEYS,
    NOTIFY_RETRY_BASE_MS: "200",
    NOTIFY_SCHEDULER_POLL_MS: "100",
    NOTIFY_MAX_ATTEMPTS: "3",
    NOTIFY_LEASE_MS: "5000",
    SHUTDOWN_GRACE_MS: "5000",
    ...PRINCIPAL_KEYS,
  };
}
