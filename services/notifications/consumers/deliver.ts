/**
 * notifications-deliver: the consumer group that delivers fan-out batches, shared by every
 * replica. A replica that dies leaves its batches unacked; the server hands them to another
 * after ack_wait, and the unique keys make the second run write and send only what is missing.
 * WARNING: the durable name is stored in JetStream; renaming it is a migration.
 */
import type { ConsumerSpec } from "../../kit/consume.ts";
import { on } from "../../kit/consume.ts";
import { notificationJobs } from "../../../subjects/notifications.ts";
import { type ConsumerDeps, delivered, type Deps } from "../deps.ts";
import { deliverBatch } from "../usecases/deliver-batch.ts";
import type { Marker } from "../sending.ts";

export const DELIVER = "notifications-deliver";

export function deliverConsumer(deps: Deps, marker: Marker, opts: { concurrency: number; ackWaitMs: number }): ConsumerSpec {
  const ucDeps: ConsumerDeps = { ...deps, durable: DELIVER, marker };
  return {
    durable: DELIVER,
    stream: "WORK",
    filter: notificationJobs.deliver.subject,
    concurrency: opts.concurrency,
    ackWaitMs: opts.ackWaitMs,
    maxDeliver: 10,
    backoffMs: [1_000, 2_000, 5_000, 10_000, 30_000],
    handlers: [on(notificationJobs.deliver, async (e, ctx) => void (await deliverBatch(ucDeps, delivered(e, ctx))))],
  };
}
