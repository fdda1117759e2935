/**
 * JetStream streams and the consumer defaults services start from. Streams are created (or
 * updated) by whichever service starts first; the definitions live here so they never drift.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `maxAgeMs` is each stream's default retention (the kit's env overrides it: EVENTS_MAX_AGE_DAYS,
 * WORK_MAX_AGE_DAYS, DEAD_LETTERS_MAX_AGE_DAYS). Days, far above what delivery needs: the
 * duplicate window is 2 h and a failing message is redelivered for minutes (consumerDefaults),
 * so no message is aged out while a duplicate of it could still arrive or its consumer retries it.
 */
export const streams = {
  /** Durable domain events, the source of every projection (a new projection replays what is left). */
  EVENTS: { name: "EVENTS", subjects: ["evt.>"], description: "Domain events (evt.<aggregate>.<past_tense>)", maxAgeMs: 30 * DAY_MS },
  /** Units of work shared by a consumer group, e.g. notification batches. */
  WORK: { name: "WORK", subjects: ["work.>"], description: "Jobs for consumer groups (work.<service>.<job>)", maxAgeMs: 7 * DAY_MS },
  /** Messages that failed their schema or exhausted their deliveries, with the error. */
  DEAD_LETTERS: { name: "DEAD_LETTERS", subjects: ["dlq.>"], description: "Dead letters (dlq.<durable>)", maxAgeMs: 30 * DAY_MS },
} as const;

export type StreamName = keyof typeof streams;

/** Defaults for a durable consumer; each consumer may override them. */
export const consumerDefaults = {
  ackWaitMs: 30_000,
  maxDeliver: 5,
  /** Delay before each redelivery after a failure (nak); the last value repeats. */
  backoffMs: [1_000, 5_000, 30_000, 120_000],
  maxAckPending: 1_000,
} as const;

/** Window in which JetStream drops a second message with the same msgID. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 60 * 1000;

/** Subject a dead letter is published on for a durable consumer. */
export function deadLetterSubject(durable: string): string {
  return `dlq.${durable}`;
}
