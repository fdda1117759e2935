/**
 * One deliver job: write the batch's inbox rows and email/push deliveries once (unique keys,
 * ON CONFLICT DO NOTHING), tell the live stream about the new inbox rows, then send what is due
 * now. What must wait (quiet hours, retries, another replica's lease) stays pending for the
 * scheduler. The job is acked only after every delivery of the batch is recorded.
 */
import type { ConsumerDeps, Delivered } from "../deps.ts";
import * as store from "../store.ts";
import { digested, isFollowerKind, nextDigestAt, notBefore, wants, wantsSms } from "../preferences.ts";
import type { DeliverJob } from "../jobs.ts";
import { sendDue } from "../sending.ts";
import { planDigests } from "../digests.ts";
import { publishLive } from "../notices.ts";

export async function deliverBatch(deps: ConsumerDeps, e: Delivered<DeliverJob>): Promise<{ inbox: number; deliveries: number }> {
  const working = e.working;
  const job = e.data;
  const a = job.audience;
  const now = deps.now();
  let recipients: store.Recipient[];
  if (a.type === "followers") {
    // Attendees of the event are told in its attendee batches (once, with the .ics).
    recipients = await store.followerSlice(deps.db, a.targets, a.excludeUserId, a.after, a.upTo, job.params.eventId || undefined);
  } else if (a.type === "attendees") {
    recipients = await store.attendeeSlice(deps.db, a.eventId, a.after, a.upTo);
  } else if (a.type === "recipients") {
    recipients = await store.recipientSlice(deps.db, job.sourceId, a.after, a.upTo);
  } else {
    recipients = [{ userId: a.userId, email: a.email, displayName: a.displayName, locale: a.locale, timeZone: a.timeZone, settings: null, devices: 0 }];
  }
  working();

  const inboxUsers: string[] = [];
  const deliveries: store.NewDelivery[] = [];
  const follower = isFollowerKind(job.kind);
  // Follower kinds and a message to stored recipients (an organizer's) reach every channel;
  // transactional mail is email only.
  const everyChannel = follower || a.type === "recipients";
  for (const r of recipients) {
    if (everyChannel && wants(r.settings, job.kind, "in_app")) inboxUsers.push(r.userId);
    // Transactional mail ignores preferences and quiet hours; follower news and organizers'
    // messages wait for the end of the recipient's quiet hours (email, push and SMS; not the inbox).
    const at = everyChannel ? notBefore(r.settings, r.timeZone, now) : now;
    if (deps.mailer && r.email && wants(r.settings, job.kind, "email")) {
      // A change of an event they attend is not held for the digest.
      if (a.type !== "attendees" && digested(r.settings, job.kind)) {
        deliveries.push({
          userId: r.userId,
          channel: "email",
          address: r.email,
          notBefore: nextDigestAt(r.settings, r.timeZone, deps.config.digestLocalTime, now),
          status: "held",
        });
      } else deliveries.push({ userId: r.userId, channel: "email", address: r.email, notBefore: at });
    }
    if (deps.pusher && r.devices > 0 && everyChannel && wants(r.settings, job.kind, "push")) {
      deliveries.push({ userId: r.userId, channel: "push", address: null, notBefore: at });
    }
    // SMS tells people who will attend (not followers) of a change or a cancellation, opt-in.
    if (deps.sms && a.type === "attendees" && r.phone && wantsSms(r.settings, job.kind)) {
      deliveries.push({ userId: r.userId, channel: "sms", address: r.phone, notBefore: at });
    }
  }

  const created = await deps.db.transaction(async (trx) => {
    const rows = await store.insertInbox(trx, job.sourceId, job.kind, inboxUsers);
    await store.insertDeliveries(trx, job.sourceId, deliveries);
    await planDigests(trx, deliveries.filter((d) => d.status === "held"));
    return rows;
  });
  if (created.length) deps.sent.add(created.length, { channel: "in_app", outcome: "sent" });
  working();

  publishLive(deps, job, created, recipients);

  const sendable = deliveries.filter((d) => d.status !== "held");
  if (sendable.length) {
    const userIds = [...new Set(sendable.map((d) => d.userId))];
    await sendDue(deps, deps.marker, { sourceId: job.sourceId, userIds }, working);
  }
  return { inbox: created.length, deliveries: deliveries.length };
}
