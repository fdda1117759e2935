/**
 * Tickets booked for other people by name and email: each of those attendees gets an email of
 * their own with their ticket (its QR code inline) and the event for their calendar — the booker
 * gets all of them in the confirmation. An attendee with an account gets it as that user (their
 * name, language and time zone), others under an id derived from the address, in the booker's
 * language. Email only, like other transactional mail; one message per ticket keyed by the fact
 * and the ticket, so a redelivery mails nobody twice.
 */
import { bookings } from "../../../subjects/bookings.ts";
import { call } from "../../kit/call.ts";
import { once } from "../../kit/consume.ts";
import type { ConsumerDeps, Delivered } from "../deps.ts";
import { derivedId } from "../ids.ts";
import * as store from "../store.ts";
import { eventParams } from "../event-params.ts";
import { type DeliverJob, publishJobs } from "../jobs.ts";
import { type BookingFact, eventFor } from "../attendee-facts.ts";

export async function tellNamedAttendees(deps: ConsumerDeps, e: Delivered<BookingFact>): Promise<void> {
  const f = e.data;
  const { tickets } = await call(deps.nats.nc, bookings.ticketsForOrder, { orderId: f.orderId }, { timeoutMs: 10_000 });
  const [booker] = await store.recipientsOf(deps.db, [f.userId]);
  const own = booker?.email?.toLowerCase();
  const seen = new Set<string>();
  const named = tickets.filter(({ ticket: t }) => {
    const email = t.attendeeEmail?.toLowerCase();
    if (!email || email === own || seen.has(email)) return false;
    seen.add(email);
    return true;
  });
  if (!named.length) return;
  const ev = await eventFor(deps, f.eventId, e.deliveryCount);
  if (!ev) return;
  const link = `/events/${ev.eventId}`;
  const sourceOf = (ticketId: string) => derivedId(e.id, "attendee_ticket", ticketId);
  // Who receives each is decided once, like an invitation: a redelivery mails the same keys.
  await once(deps.db, deps.durable, derivedId(e.id, "attendee_tickets"), async (trx) => {
    for (const { ticket: t } of named) {
      const email = t.attendeeEmail as string;
      const known = await store.contactByEmail(trx, email);
      const params = {
        ...eventParams(ev),
        orderId: f.orderId,
        ticketId: t.id,
        recipientId: known?.userId ?? derivedId("attendee", email.toLowerCase()),
        recipientName: known?.displayName ?? t.attendeeName,
        recipientLocale: known?.locale ?? booker?.locale ?? "en",
        recipientTimeZone: known?.timeZone ?? booker?.timeZone ?? ev.timeZone,
      };
      await store.saveMessage(trx, { sourceId: sourceOf(t.id), kind: "booking_confirmed", params, link, batches: 1 });
    }
  });
  const jobs: DeliverJob[] = [];
  for (const { ticket: t } of named) {
    const { params } = await store.messageOf(deps.db, sourceOf(t.id));
    jobs.push({
      sourceId: sourceOf(t.id),
      batchNo: 0,
      batches: 1,
      kind: "booking_confirmed",
      audience: {
        type: "user",
        userId: params.recipientId,
        email: t.attendeeEmail as string,
        displayName: params.recipientName,
        locale: params.recipientLocale,
        timeZone: params.recipientTimeZone,
      },
      params,
      link,
    });
  }
  // Published on every delivery of the fact (the stream drops copies by msgID).
  await publishJobs(deps.nats.js, jobs);
}
