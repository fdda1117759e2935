/** What the use cases of the notifications service are given, and what a consumer adds for its own. */
import type { Counter } from "@opentelemetry/api";
import type { Db } from "../kit/db.ts";
import type { Nats } from "../kit/nats.ts";
import type { Logger } from "../kit/log.ts";
import type { Templates } from "./channels/templates.ts";
import type { Mailer } from "./channels/email.ts";
import type { Pusher } from "./channels/push.ts";
import type { SmsSender } from "./channels/sms.ts";
import type { LinkSeal } from "../kit/link-seal.ts";
import type { Principal } from "../../subjects/principal.ts";
import type { MessageAudience } from "../../subjects/notifications.ts";
import type { Envelope } from "../../subjects/envelope.ts";
import type { Marker } from "./sending.ts";
import type { MessageContext } from "../kit/consume.ts";

export type Deps = {
  db: Db;
  nats: Nats;
  log: Logger;
  templates: Templates;
  /** Absent when SMTP_URL is unset: email deliveries are not created. */
  mailer?: Mailer;
  /** Absent when FCM_PROJECT_ID is unset: push deliveries are not created. */
  pusher?: Pusher;
  /** Absent when TWILIO_ACCOUNT_SID is unset: no SMS deliveries, phone verification refused. */
  sms?: SmsSender;
  /** Opens the single-use tokens of links, for the send only (LINK_SEALING_KEYS). */
  linkSeal: LinkSeal;
  /**
   * Bookings names who attends an event (all, one ticket type's holders, the checked-in), asked
   * on behalf of `caller`: bookings answers only an organizer of the event (403 or 404 otherwise).
   * `limit` stops after that many (1: just the question whether the caller organizes it).
   */
  attendeesOf(caller: Principal, eventId: string, audience: MessageAudience, limit?: number): Promise<string[]>;
  /** notifications_sent_total{channel, outcome}. */
  sent: Counter;
  config: {
    publicUrl: string;
    unsubscribeSecret: string;
    emailFrom: string;
    batchSize: number;
    leaseMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    sendConcurrency: number;
    /** HH:MM, in each user's time zone. */
    digestLocalTime: string;
    /** Reminders before an event's start, in seconds, largest first. */
    reminderOffsetsS: number[];
    sms: {
      /** At most this many SMS to one number per window (codes and notices together). */
      perNumber: number;
      windowS: number;
      /** Verification codes one user may ask for per hour (any numbers). */
      codesPerUserPerHour: number;
      codeTtlS: number;
      codeMaxAttempts: number;
      /** HMAC key of codes at rest. */
      codeSecret: string;
    };
    /** Messages an event's organizers may send in any hour. */
    messagesPerHour: number;
  };
  now(): Date;
};

/**
 * The `deps` of a consumer's use cases: the service's Deps plus what belongs to the consumer that
 * calls them — the durable under which `once()` records handled messages (processed_messages),
 * and the marker that sends what a notice makes due.
 */
export type ConsumerDeps = Deps & { durable: string; marker: Marker };

/**
 * The `message` of a consumer's use case: the decoded envelope plus what its delivery tells —
 * which delivery this is (1 on the first; rules that wait for a projection give up after a few)
 * and `working()`, which keeps the message's lease during long work. The consumer file does the
 * JetStream side (ack, nak, backoff, the durable); a use case never sees the JetStream message.
 */
export type Delivered<T> = Envelope<T> & { deliveryCount: number; working(): void };

/** The message a consumer hands its use case: `e` with what `ctx` tells of its delivery. */
export function delivered<T>(e: Envelope<T>, ctx: MessageContext): Delivered<T> {
  return { ...e, deliveryCount: ctx.deliveryCount, working: () => ctx.working() };
}
