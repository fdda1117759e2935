/** The environment of a notifications replica pointed at the sinks (tests, the crash test's workers, the benchmark). */
import { generatePrincipalKeys } from "../../../kit/principal-token.ts";

export const UNSUBSCRIBE_SECRET = "test-unsubscribe-secret-0123456789";

/** One edge key pair per test process: replicas in other processes verify what the test mints. */
const PRINCIPAL_KEYS = generatePrincipalKeys();

export function sinkEnvFor(o: { natsUrl: string; databaseUrl: string; smtpUrl: string; fcmUrl: string }): Record<string, string> {
  return {
    NATS_URL: o.natsUrl,
    DATABASE_URL: o.databaseUrl,
    HTTP_PORT: "0",
    LOG_LEVEL: "silent",
    SMTP_URL: o.smtpUrl,
    FCM_PROJECT_ID: "convene-test",
    FCM_ENDPOINT: o.fcmUrl,
    PUBLIC_URL: "https://convene.test",
    UNSUBSCRIBE_SECRET,
    NOTIFY_RETRY_BASE_MS: "200",
    NOTIFY_SCHEDULER_POLL_MS: "100",
    NOTIFY_MAX_ATTEMPTS: "3",
    NOTIFY_LEASE_MS: "5000",
    SHUTDOWN_GRACE_MS: "5000",
    ...PRINCIPAL_KEYS,
  };
}
