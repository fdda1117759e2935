/**
 * Publishes deliver jobs on WORK. Not through the outbox: a job is derived from a stored plan and
 * its id from (notification, batch), so the planner can publish again after any crash and the
 * stream drops the copies by msgID (and the unique keys drop whatever outlives the window).
 */
import type { JetStreamClient } from "@nats-io/jetstream";
import { notificationJobs } from "../../subjects/notifications.ts";
import type { DataOf } from "../../subjects/contract.ts";
import type { Envelope } from "../../subjects/envelope.ts";
import { check } from "../kit/validate.ts";
import { derivedId } from "./ids.ts";

export type DeliverJob = DataOf<typeof notificationJobs.deliver>;

export async function publishJobs(js: JetStreamClient, jobs: DeliverJob[]): Promise<void> {
  const c = notificationJobs.deliver;
  const acks = jobs.map((data) => {
    check(c.data, data);
    const envelope: Envelope<DeliverJob> = {
      id: derivedId(data.sourceId, data.batchNo),
      type: c.subject,
      version: c.version,
      source: "notifications",
      occurredAt: new Date().toISOString(),
      data,
    };
    return publishRetrying(js, c.subject, JSON.stringify(envelope), envelope.id);
  });
  await Promise.all(acks);
}

/** A publish can time out although stored: retrying with the same msgID is safe. */
async function publishRetrying(js: JetStreamClient, subject: string, payload: string, msgID: string): Promise<void> {
  for (let attempt = 0;; attempt++) {
    try {
      await js.publish(subject, payload, { msgID, timeout: 10_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
}
