/**
 * An organizer writes to the event's attendees (all, one ticket type's holders, the checked-in).
 * Bookings names the recipients, on the organizer's behalf — it decides who organizes the event
 * (403/404 from there). In one transaction, under a per-event lock: the rate limit
 * (config.messagesPerHour in any hour), the message, its recipients as named now, the plan and
 * its deliver jobs (through the outbox, ids derived from (message, batch)). The existing fan-out
 * then writes each recipient's inbox row and deliveries once (unique keys), whatever is
 * redelivered. With an idempotencyKey, the id is derived from (event, sender, key): a retry
 * answers the message already sent, and the same key with another text is a 409.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "../../../subjects/principal.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import { notificationJobs, type notifications, type OrganizerMessage } from "../../../subjects/notifications.ts";
import { AppError, conflict } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import type { Deps } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";

type Input = RequestOf<typeof notifications.messagesSend>;

const HOUR_MS = 3_600_000;

export async function sendOrganizerMessage(deps: Deps, caller: Principal, input: Input): Promise<OrganizerMessage> {
  const id = input.idempotencyKey ? derivedId("organizer-message", input.eventId, caller.sub, input.idempotencyKey) : randomUUID();
  const known = await store.organizerMessageOf(deps.db, id);
  if (known) return sameOrConflict(known, input);
  const userIds = [...new Set(await deps.attendeesOf(caller, input.eventId, input.audience))].sort();
  return deps.db.transaction(async (trx) => {
    await store.lockEventMessages(trx, input.eventId);
    const raced = await store.organizerMessageOf(trx, id);
    if (raced) return sameOrConflict(raced, input);
    const now = deps.now();
    const recent = await store.messagesSince(trx, input.eventId, new Date(now.getTime() - HOUR_MS));
    if (recent.count >= deps.config.messagesPerHour) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((recent.oldest?.getTime() ?? now.getTime()) + HOUR_MS - now.getTime()) / 1_000));
      throw new AppError(
        "message_rate_limited",
        `this event has sent ${recent.count} messages in the last hour (at most ${deps.config.messagesPerHour}); retry in ${retryAfterSeconds} s`,
        {
          status: 429,
          details: { limit: deps.config.messagesPerHour, windowSeconds: HOUR_MS / 1_000, retryAfterSeconds },
        },
      );
    }
    const message = {
      id,
      eventId: input.eventId,
      senderId: caller.sub,
      audience: input.audience,
      subject: input.subject,
      body: input.body,
      recipients: userIds.length,
    };
    await store.saveOrganizerMessage(trx, { ...message, sentAt: now }, userIds);
    const ev = await store.eventOf(trx, input.eventId);
    const params = { subject: input.subject, message: input.body, title: ev?.title ?? "", eventId: input.eventId };
    const link = `/events/${input.eventId}`;
    // Upper bounds of id ranges of batchSize recipients each.
    const bounds = userIds.filter((_, i) => (i + 1) % deps.config.batchSize === 0 || i === userIds.length - 1);
    await store.saveMessage(trx, { sourceId: id, kind: "organizer_message", params, link, batches: bounds.length });
    await store.savePlan(trx, id, bounds, "recipients");
    for (const [batchNo, upTo] of bounds.entries()) {
      const data = {
        sourceId: id,
        batchNo,
        batches: bounds.length,
        kind: "organizer_message" as const,
        audience: { type: "recipients" as const, after: batchNo === 0 ? null : bounds[batchNo - 1], upTo },
        params,
        link,
      };
      await enqueue(trx, notificationJobs.deliver, data, { source: "notifications", id: derivedId(id, batchNo), occurredAt: now });
    }
    return { ...message, sentAt: now.toISOString() };
  });
}

function sameOrConflict(m: store.OrganizerMessageRow, input: Input): OrganizerMessage {
  const typeOf = (a: Input["audience"]) => (a.type === "ticket_type" ? `ticket_type:${a.ticketTypeId}` : a.type);
  if (m.subject !== input.subject || m.body !== input.body || typeOf(m.audience) !== typeOf(input.audience)) {
    throw conflict("idempotencyKey: was used for another message", [{ field: "idempotencyKey", message: "was used for another message" }]);
  }
  return m;
}
