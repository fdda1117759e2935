/**
 * The whole platform in this process for end-to-end tests (the web app's, the checkout saga): every registered service on the
 * test NATS and Postgres, an SMTP sink for emails, the FCM stand-in for pushes, the Twilio stand-in
 * for SMS (its receipts come back through the edge); the web app and
 * the edge share one HTTP front as in `make up`.
 */
import { run, type Running } from "../../services/kit/run.ts";
import { registry } from "../../services/registry.ts";
import { databaseUrl, natsEnv, natsUrl, testNats } from "./env.ts";
import { type SmtpSink, startSmtpSink } from "../../services/notifications/test/support/smtp-sink.ts";
import { type FcmStandIn, startFcmStandIn } from "../../services/notifications/test/support/fcm-stand-in.ts";
import { sinkEnvFor } from "../../services/notifications/test/support/service-env.ts";
import { type SmsStandIn, startSmsStandIn } from "../../services/notifications/test/support/sms-stand-in.ts";
import { freePort } from "./nats-server.ts";

export type Platform = { running: Running; base: string; smtp: SmtpSink; sms: SmsStandIn; fcm: FcmStandIn; stop(): Promise<void> };

export async function startPlatform(extra: Record<string, string> = {}): Promise<Platform> {
  const smtp = await startSmtpSink();
  const fcm = await startFcmStandIn();
  const sms = await startSmsStandIn();
  // The payments sandbox and the SMS stand-in call the edge back, so the port is chosen first.
  const port = await freePort();
  const started = await run(registry, {
    ...sinkEnvFor({
      natsUrl: natsUrl(),
      databaseUrl: databaseUrl(),
      smtpUrl: smtp.url,
      fcmUrl: fcm.url,
      sms: { url: sms.url, statusCallback: `http://127.0.0.1:${port}/v1/notifications/sms/status` },
    }),
    ...natsEnv(),
    PUBLIC_URL: "http://127.0.0.1",
    HTTP_PORT: String(port),
    PAYMENTS_PUBLIC_URL: `http://127.0.0.1:${port}`,
    PAYMENTS_SANDBOX_PORT: "0",
    SHUTDOWN_GRACE_MS: "1000",
    RATE_LIMIT_AUTH_PER_MINUTE: "1000",
    ...extra,
  });
  // Services run as their own NATS users; tests read streams over the test superuser's connection.
  const client = await testNats("platform");
  const running: Running = { ...started, nats: client };
  return {
    running,
    base: running.url,
    smtp,
    sms,
    fcm,
    async stop() {
      await client.nc.close();
      await sms.stop();
      await started.stop();
      await smtp.stop();
      await fcm.stop();
    },
  };
}
