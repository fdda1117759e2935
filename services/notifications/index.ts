/**
 * notifications: tells people what happened, by the channels they chose. Projections of identity
 * facts (contacts, follows) feed a planner that cuts each event fact into follower batches on
 * WORK; a consumer group shared by every replica writes inbox rows and deliveries exactly once
 * per (source, recipient, channel) and sends email (SMTP) and push (FCM).
 */
import { Type } from "@sinclair/typebox";
import { defineService } from "../kit/service.ts";
import { bookings } from "../../subjects/bookings.ts";
import { events } from "../../subjects/events.ts";
import { LIVE_INBOX_PREFIX, notificationJobs } from "../../subjects/notifications.ts";
import { meter } from "../kit/trace.ts";
import { schema } from "./migrations/001-notifications.ts";
import { digests } from "./migrations/002-digests.ts";
import { eventVersions } from "./migrations/003-event-versions.ts";
import { attendees } from "./migrations/004-attendees.ts";
import { parseOffsets, reminderTimer } from "./reminders.ts";
import { digestTimer } from "./digests.ts";
import { digestTimers } from "./migrations/010-digest-timers.ts";
import { createTemplates } from "./channels/templates.ts";
import { createMailer } from "./channels/email.ts";
import { createPusher } from "./channels/push.ts";
import type { Deps } from "./deps.ts";
import { Marker } from "./sending.ts";
import { startScheduler } from "./usecases/run-scheduler.ts";
import { PLANNER, plannerConsumer } from "./consumers/planner.ts";
import { DELIVER, deliverConsumer } from "./consumers/deliver.ts";
import { inboxListEndpoint } from "./endpoints/inbox-list.ts";
import { inboxUnreadCountEndpoint } from "./endpoints/inbox-unread-count.ts";
import { inboxMarkReadEndpoint } from "./endpoints/inbox-mark-read.ts";
import { inboxMarkUnreadEndpoint } from "./endpoints/inbox-mark-unread.ts";
import { inboxMarkAllReadEndpoint } from "./endpoints/inbox-mark-all-read.ts";
import { inboxArchiveEndpoint } from "./endpoints/inbox-archive.ts";
import { devicesRegisterEndpoint } from "./endpoints/devices-register.ts";
import { devicesRemoveEndpoint } from "./endpoints/devices-remove.ts";
import { preferencesGetEndpoint } from "./endpoints/preferences-get.ts";
import { preferencesSetEndpoint } from "./endpoints/preferences-set.ts";
import { preferencesUnsubscribeEndpoint } from "./endpoints/preferences-unsubscribe.ts";
import { preferencesPreviewUnsubscribeEndpoint } from "./endpoints/preferences-preview-unsubscribe.ts";
import { deadLettersListEndpoint } from "./endpoints/dead-letters-list.ts";
import { deadLettersReplayEndpoint } from "./endpoints/dead-letters-replay.ts";
import { noticesSendEndpoint } from "./endpoints/notices-send.ts";
import { remindersSetEndpoint } from "./endpoints/reminders-set.ts";
import { reminderOffsets } from "./migrations/005-reminder-offsets.ts";
import { sms } from "./migrations/006-sms.ts";
import { smsPruning } from "./migrations/008-sms-pruning.ts";
import { createTwilio } from "./channels/sms.ts";
import { ConfigError } from "../kit/config.ts";
import { phoneGetEndpoint } from "./endpoints/phone-get.ts";
import { phoneSetEndpoint } from "./endpoints/phone-set.ts";
import { phoneConfirmEndpoint } from "./endpoints/phone-confirm.ts";
import { phoneRemoveEndpoint } from "./endpoints/phone-remove.ts";
import { smsStatusEndpoint } from "./endpoints/sms-status.ts";
import { sealedLinks } from "./migrations/007-sealed-links.ts";
import { DEV_LINK_SEALING_KEYS, linkSeal, usesDevLinkKey } from "../kit/link-seal.ts";
import { organizerMessages } from "./migrations/009-organizer-messages.ts";
import { messagesSendEndpoint } from "./endpoints/messages-send.ts";
import { messagesListEndpoint } from "./endpoints/messages-list.ts";
import { call } from "../kit/call.ts";

const DEV_SECRET = "dev-only-unsubscribe-secret-change-me";
const DEV_CODE_SECRET = "dev-only-sms-code-secret-change-me";
const SMS_STATUS_PATH = "/v1/notifications/sms/status";

export const NotificationsEnv = Type.Object({
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: "^smtps?://",
      description: "SMTP relay for email, e.g. smtp://user:pass@mail:587 (add ?ignoreTLS=true for a loopback relay without STARTTLS); unset = no email.",
    }),
  ),
  EMAIL_FROM: Type.String({ default: "Convene <no-reply@convene.local>", description: "From address of notification emails." }),
  PUBLIC_URL: Type.String({
    default: "http://localhost:8080",
    pattern: "^https?://",
    description: "Public base URL of the app: links in emails and pushes, the unsubscribe link.",
  }),
  UNSUBSCRIBE_SECRET: Type.String({
    minLength: 16,
    default: DEV_SECRET,
    description: "HMAC key of one-click unsubscribe links (set it in production; the same on every replica).",
  }),
  LINK_SEALING_KEYS: Type.String({
    minLength: 1,
    default: DEV_LINK_SEALING_KEYS,
    description:
      "Keys opening the single-use link tokens identity seals for the mail sender (verification, password reset, email change, invitation): the same comma-separated list of base64 32-byte keys as identity's. Default: a development key production refuses.",
  }),
  FCM_PROJECT_ID: Type.Optional(Type.String({ minLength: 1, description: "Firebase project for push; unset = no push." })),
  FCM_ENDPOINT: Type.Optional(
    Type.String({
      pattern: "^http://",
      description: "Send FCM requests over plain HTTP to this host instead of Google (a local stand-in for tests); unset = Google.",
    }),
  ),
  GOOGLE_APPLICATION_CREDENTIALS: Type.Optional(Type.String({ description: "Service-account JSON file for FCM in production (read by firebase-admin)." })),
  NOTIFY_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 10_000, default: 1_000, description: "Recipients per deliver job of a fan-out." }),
  NOTIFY_DELIVER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 4, description: "Deliver jobs one replica works on at once." }),
  NOTIFY_DELIVER_ACK_WAIT_MS: Type.Integer({
    minimum: 1_000,
    default: 60_000,
    description: "How long a deliver job may go silent before another replica gets it (a live worker extends it).",
  }),
  NOTIFY_LEASE_MS: Type.Integer({
    minimum: 1_000,
    default: 60_000,
    description: "Lease of deliveries being sent; after a crash they are sent again when it ends.",
  }),
  NOTIFY_SEND_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 512, default: 32, description: "Emails and pushes in flight per batch." }),
  NOTIFY_SMTP_CONNECTIONS: Type.Integer({ minimum: 1, maximum: 100, default: 5, description: "Pooled SMTP connections per replica." }),
  NOTIFY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 6, description: "Attempts of an email or push before it is marked failed." }),
  NOTIFY_RETRY_BASE_MS: Type.Integer({
    minimum: 10,
    default: 30_000,
    description: "First retry delay after a temporary failure (doubles each time) unless Retry-After says otherwise.",
  }),
  NOTIFY_DIGEST_LOCAL_TIME: Type.String({
    default: "08:00",
    pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$",
    description: "When daily digests go out, HH:MM in each user's own time zone.",
  }),
  NOTIFY_REMINDER_OFFSETS: Type.String({
    default: "24h,1h",
    pattern: "^\\s*\\d+[smhd](\\s*,\\s*\\d+[smhd])*\\s*$",
    description: "When attendees are reminded of an event, before its start: a comma list of durations (s, m, h, d), e.g. 24h,1h.",
  }),
  TWILIO_ACCOUNT_SID: Type.Optional(
    Type.String({
      pattern: "^AC[0-9a-fA-F]{32}$",
      description: "Twilio account SID (AC…): SMS notifications and phone verification go through Twilio's Messages API; unset = no SMS.",
    }),
  ),
  TWILIO_AUTH_TOKEN: Type.Optional(
    Type.String({
      minLength: 16,
      description:
        "Twilio auth token (secret): basic auth of API calls and the key of X-Twilio-Signature on delivery receipts. Required with TWILIO_ACCOUNT_SID.",
    }),
  ),
  TWILIO_FROM: Type.Optional(
    Type.String({
      pattern: "^(\\+[1-9][0-9]{7,14}|[A-Za-z0-9 ]{1,11})$",
      description:
        "Sender of SMS: an E.164 Twilio number or an alphanumeric sender ID (where the destination country allows one). Required with TWILIO_ACCOUNT_SID.",
    }),
  ),
  TWILIO_API_URL: Type.String({
    default: "https://api.twilio.com",
    pattern: "^https?://",
    description: "Base URL of Twilio's REST API (a local stand-in in tests).",
  }),
  SMS_STATUS_CALLBACK_URL: Type.Optional(
    Type.String({
      pattern: "^https?://",
      description:
        `Public URL of the delivery-receipt webhook the provider posts to (the edge's POST ${SMS_STATUS_PATH}); its signature covers this exact URL. Default: PUBLIC_URL + ${SMS_STATUS_PATH}.`,
    }),
  ),
  SMS_RATE_PER_NUMBER: Type.Integer({
    minimum: 1,
    maximum: 1_000,
    default: 10,
    description:
      "At most this many SMS to one number per SMS_RATE_WINDOW_S (codes and notices together); a code past it is refused (429), a notice waits until the window has room.",
  }),
  SMS_RATE_WINDOW_S: Type.Integer({ minimum: 1, maximum: 604_800, default: 3_600, description: "The window of SMS_RATE_PER_NUMBER, in seconds." }),
  SMS_CODES_PER_USER_PER_HOUR: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 5,
    description: "Verification codes one user may ask for per hour, whatever the numbers (SMS pumping).",
  }),
  SMS_CODE_TTL_S: Type.Integer({ minimum: 30, maximum: 86_400, default: 600, description: "How long a phone verification code works, in seconds." }),
  SMS_CODE_MAX_ATTEMPTS: Type.Integer({
    minimum: 1,
    maximum: 20,
    default: 5,
    description: "Wrong codes tried before the code is void and a new one must be asked for.",
  }),
  SMS_CODE_SECRET: Type.String({
    minLength: 16,
    default: DEV_CODE_SECRET,
    description: "HMAC key of verification codes at rest (a 6-digit code's plain hash is guessed in a second); set it in production when SMS is on.",
  }),
  NOTIFY_MESSAGES_PER_HOUR: Type.Integer({
    minimum: 1,
    maximum: 1_000,
    default: 10,
    description: "Messages an event's organizers may send its attendees in any hour (more: 429 message_rate_limited), against spam.",
  }),
  NOTIFY_SCHEDULER_POLL_MS: Type.Integer({
    minimum: 10,
    default: 1_000,
    description: "How often a replica looks for deliveries that came due (quiet hours over, retries).",
  }),
});

export const notificationsService = defineService({
  name: "notifications",
  bus: {
    calls: [bookings.ticketsForOrder, bookings.attendeesList, events.get],
    // Its jobs and live inbox items only: a dead letter is replayed through the consumer's handler
    // here (endpoints/admin-dead-letters-replay.ts), not republished on the subject it came from.
    publishes: [...Object.values(notificationJobs), `${LIVE_INBOX_PREFIX}.>`],
    consumes: ["EVENTS", "WORK"],
    durables: [PLANNER, DELIVER],
    reads: ["DEAD_LETTERS"],
  },
  version: "0.1.0",
  description: "In-app inbox, email, push and SMS notifications: fanned out to followers, and to attendees (tickets, payments, reminders, changes).",
  env: NotificationsEnv,
  migrations: [schema, digests, eventVersions, attendees, reminderOffsets, sms, sealedLinks, smsPruning, organizerMessages, digestTimers],
  devSecrets: (env) => [
    { name: "UNSUBSCRIBE_SECRET", insecure: env.UNSUBSCRIBE_SECRET === DEV_SECRET, why: "is the development default (anyone could unsubscribe anyone)" },
    {
      name: "SMS_CODE_SECRET",
      insecure: Boolean(env.TWILIO_ACCOUNT_SID) && env.SMS_CODE_SECRET === DEV_CODE_SECRET,
      why: "is the development default while SMS is on (codes at rest could be read back)",
    },
    // Refused outside production too (setup), but named here with the others before anything connects.
    { name: "TWILIO_AUTH_TOKEN", insecure: Boolean(env.TWILIO_ACCOUNT_SID) && !env.TWILIO_AUTH_TOKEN, why: "is missing while TWILIO_ACCOUNT_SID is set" },
    {
      name: "LINK_SEALING_KEYS",
      insecure: usesDevLinkKey(env.LINK_SEALING_KEYS),
      why: "holds the development key (anyone could open the link tokens in events)",
    },
  ],
  async setup(rt) {
    const env = rt.env;
    if (env.TWILIO_ACCOUNT_SID && (!env.TWILIO_AUTH_TOKEN || !env.TWILIO_FROM)) {
      throw new ConfigError(`invalid environment: ${!env.TWILIO_AUTH_TOKEN ? "TWILIO_AUTH_TOKEN" : "TWILIO_FROM"} is required when TWILIO_ACCOUNT_SID is set`);
    }
    const deps: Deps = {
      db: rt.db,
      nats: rt.nats,
      log: rt.log,
      templates: createTemplates({ publicUrl: env.PUBLIC_URL }),
      mailer: env.SMTP_URL ? createMailer(env.SMTP_URL, env.NOTIFY_SMTP_CONNECTIONS) : undefined,
      pusher: env.FCM_PROJECT_ID ? createPusher({ projectId: env.FCM_PROJECT_ID, endpoint: env.FCM_ENDPOINT }) : undefined,
      linkSeal: linkSeal(env.LINK_SEALING_KEYS),
      sms: env.TWILIO_ACCOUNT_SID
        ? createTwilio({
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN!,
          from: env.TWILIO_FROM!,
          apiUrl: env.TWILIO_API_URL,
          statusCallback: env.SMS_STATUS_CALLBACK_URL ?? new URL(SMS_STATUS_PATH, env.PUBLIC_URL).toString(),
        })
        : undefined,
      sent: meter().createCounter("notifications_sent", {
        description:
          "Notifications by channel (in_app, email, push) and outcome (sent, failed, retried, suppressed, expired: a link's token expired before its email went out).",
      }),
      config: {
        publicUrl: env.PUBLIC_URL,
        unsubscribeSecret: env.UNSUBSCRIBE_SECRET,
        emailFrom: env.EMAIL_FROM,
        batchSize: env.NOTIFY_BATCH_SIZE,
        leaseMs: env.NOTIFY_LEASE_MS,
        maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
        retryBaseMs: env.NOTIFY_RETRY_BASE_MS,
        sendConcurrency: env.NOTIFY_SEND_CONCURRENCY,
        digestLocalTime: env.NOTIFY_DIGEST_LOCAL_TIME,
        reminderOffsetsS: parseOffsets(env.NOTIFY_REMINDER_OFFSETS),
        sms: {
          perNumber: env.SMS_RATE_PER_NUMBER,
          windowS: env.SMS_RATE_WINDOW_S,
          codesPerUserPerHour: env.SMS_CODES_PER_USER_PER_HOUR,
          codeTtlS: env.SMS_CODE_TTL_S,
          codeMaxAttempts: env.SMS_CODE_MAX_ATTEMPTS,
          codeSecret: env.SMS_CODE_SECRET,
        },
        messagesPerHour: env.NOTIFY_MESSAGES_PER_HOUR,
      },
      async attendeesOf(caller, eventId, audience, limit = Infinity) {
        const filter = audience.type === "ticket_type" ? { ticketTypeId: audience.ticketTypeId } : audience.type === "checked_in" ? { checkedIn: true } : {};
        const out: string[] = [];
        let after: string | undefined;
        do {
          const page = await call(rt.nats.nc, bookings.attendeesList, { eventId, ...filter, after, limit: Math.min(5_000, limit - out.length) }, {
            principal: caller,
            timeoutMs: 10_000,
          });
          out.push(...page.userIds);
          after = page.last ?? undefined;
        } while (after && out.length < limit);
        return out;
      },
      now: () => new Date(),
    };
    const marker = new Marker(deps);
    const scheduler = startScheduler(deps, marker, env.NOTIFY_SCHEDULER_POLL_MS);
    const consumers = [
      plannerConsumer(deps, marker),
      deliverConsumer(deps, marker, { concurrency: env.NOTIFY_DELIVER_CONCURRENCY, ackWaitMs: env.NOTIFY_DELIVER_ACK_WAIT_MS }),
    ];
    return {
      endpoints: [
        inboxListEndpoint(deps),
        inboxUnreadCountEndpoint(deps),
        inboxMarkReadEndpoint(deps),
        inboxMarkUnreadEndpoint(deps),
        inboxMarkAllReadEndpoint(deps),
        inboxArchiveEndpoint(deps),
        devicesRegisterEndpoint(deps),
        devicesRemoveEndpoint(deps),
        preferencesGetEndpoint(deps),
        preferencesSetEndpoint(deps),
        preferencesUnsubscribeEndpoint(deps),
        preferencesPreviewUnsubscribeEndpoint(deps),
        deadLettersListEndpoint(deps),
        deadLettersReplayEndpoint(deps, () => consumers),
        noticesSendEndpoint(deps, marker),
        remindersSetEndpoint(deps),
        phoneGetEndpoint(deps),
        phoneSetEndpoint(deps),
        phoneConfirmEndpoint(deps),
        phoneRemoveEndpoint(deps),
        smsStatusEndpoint(deps),
        messagesSendEndpoint(deps),
        messagesListEndpoint(deps),
      ],
      timers: [reminderTimer(deps, marker), digestTimer(deps)],
      consumers,
      async stop() {
        await scheduler.stop();
        deps.mailer?.close();
        await deps.pusher?.close();
      },
    };
  },
});
