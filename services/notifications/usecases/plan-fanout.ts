/**
 * Turns one event-domain fact into deliver jobs: the followers of the organizer (and of the
 * organization) of a public event, de-duplicated, cut into follower-id ranges of BATCH_SIZE, and
 * for a change or cancellation the event's attendees (any visibility), cut the same way. The
 * follower batches leave attendees out, and both kinds of batch write under the same unique keys
 * (source, user, channel), so a person who follows and attends is told once per channel — as an
 * attendee (with the .ics update, never held for a digest). The plan is stored once (with the
 * message's text variables); every (re)delivery of the fact publishes the stored plan again, and
 * the stream drops the copies by msgID.
 */
import type { DataOf } from "../../../subjects/contract.ts";
import type { eventEvents } from "../../../subjects/events.ts";
import type { NotificationKind } from "../../../subjects/notifications.ts";
import { once } from "../../kit/consume.ts";
import type { Envelope } from "../../../subjects/envelope.ts";
import type { ConsumerDeps } from "../deps.ts";
import * as store from "../store.ts";
import { type DeliverJob, publishJobs } from "../jobs.ts";

type Facts = DataOf<typeof eventEvents.published>;

/** Changes followers hear about. */
const MEANINGFUL = ["startsAt", "endsAt", "venue", "onlineUrl", "status"] as const;

function isMeaningful(changed: string[]): boolean {
  return changed.some((c) => (MEANINGFUL as readonly string[]).includes(c));
}

/** `kind`: what the fact tells followers and attendees (the consumer names it per event type). */
export async function planFanout(
  deps: Pick<ConsumerDeps, "db" | "nats" | "config" | "durable">,
  e: Envelope<Facts & { changed?: string[]; reason?: string; previous?: Record<string, unknown> }> & { kind: NotificationKind },
): Promise<number> {
  const { kind } = e;
  const f = e.data;
  // Followers hear about public events only: telling them of a private or unlisted one would
  // hand out what its author chose not to list. Attendees hear of changes to what they booked.
  const toFollowers = f.visibility === "public";
  const toAttendees = kind === "event_updated" || kind === "event_cancelled";
  if (!toFollowers && !toAttendees) return 0;
  if (kind === "event_updated" && !isMeaningful(f.changed ?? [])) return 0;
  const targets: Array<{ kind: "user" | "org"; id: string }> = [{ kind: "user", id: f.organizerId }];
  if (f.organizationId) targets.push({ kind: "org", id: f.organizationId });
  const sourceId = e.id;
  let params: Record<string, string> = {};
  let link = `/events/${f.eventId}`;

  await once(deps.db, deps.durable, e.id, async (trx) => {
    // Facts of one event can arrive out of order: one older than what followers were told is
    // dropped (no message, no plan), e.g. a change of time delivered after the cancellation.
    if (!(await store.advanceEventVersion(trx, f.eventId, f.sequence))) return;
    const bounds = toFollowers ? await store.batchBounds(trx, targets, f.organizerId, deps.config.batchSize) : [];
    const attending = toAttendees ? await store.attendeeBounds(trx, f.eventId, deps.config.batchSize) : [];
    params = {
      eventId: f.eventId,
      title: f.title,
      organizer: (await store.displayNameOf(trx, f.organizerId)) ?? "",
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      timeZone: f.timeZone,
      venue: f.venue ? `${f.venue.name}, ${f.venue.address}` : "",
      onlineUrl: f.onlineUrl ?? "",
      changes: (f.changed ?? []).join(", "),
      // What followers are told changed, from what to what; templates word it per recipient.
      changeList: JSON.stringify(
        (f.changed ?? [])
          .filter((c) => (MEANINGFUL as readonly string[]).includes(c))
          .map((field) => ({ field, old: f.previous?.[field] ?? null, new: (f as Record<string, unknown>)[field] ?? null })),
      ),
      reason: f.reason ?? "",
      // The .ics an attendee's email carries (email-extras.ts).
      sequence: String(f.sequence),
    };
    await store.saveMessage(trx, { sourceId, kind, params, link, batches: bounds.length + attending.length });
    await store.savePlan(trx, sourceId, bounds, "followers");
    await store.savePlan(trx, sourceId, attending, "attendees", bounds.length);
  });

  const plan = await store.planOf(deps.db, sourceId);
  if (!plan.length) return 0;
  ({ params, link } = await store.messageOf(deps.db, sourceId));
  const jobs: DeliverJob[] = plan.map((b) => ({
    sourceId,
    batchNo: b.batchNo,
    batches: plan.length,
    kind,
    audience: b.audience === "attendees"
      ? { type: "attendees", eventId: f.eventId, after: b.after, upTo: b.upTo }
      : { type: "followers", targets, excludeUserId: f.organizerId, after: b.after, upTo: b.upTo },
    params,
    link,
  }));
  await publishJobs(deps.nats.js, jobs);
  return plan.length;
}
