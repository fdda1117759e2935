/**
 * What an attendee's email carries beyond its text, fetched when it is sent (never stored:
 * ticket codes are credentials and stay in bookings): the tickets' QR codes as inline images
 * and the event as an iTIP .ics — METHOD:REQUEST with a booking's confirmation and with a change
 * of an event the recipient attends, METHOD:CANCEL with its cancellation (or with the cancellation
 * of the recipient's last order for it).
 */
import { bookings } from "../../subjects/bookings.ts";
import { call } from "../kit/call.ts";
import type { EmailAttachment } from "./channels/email.ts";
import { invitation } from "./channels/ics.ts";
import type { Deps } from "./deps.ts";
import * as store from "./store.ts";

export type EmailExtras = { params: Record<string, string>; attachments: EmailAttachment[] };

/** The address part of `Name <address>`. */
const addressOf = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from.trim();

export async function emailExtras(deps: Pick<Deps, "db" | "nats" | "config" | "now">, c: store.Claimed): Promise<EmailExtras> {
  const p = c.params;
  const none: EmailExtras = { params: {}, attachments: [] };
  if (!c.address || !p.eventId) return none;
  let method: "REQUEST" | "CANCEL" | undefined;
  const out: EmailExtras = { params: {}, attachments: [] };
  if (c.kind === "booking_confirmed") {
    method = "REQUEST";
    const t = await call(deps.nats.nc, bookings.ticketsForOrder, { orderId: p.orderId, qr: true }, { timeoutMs: 10_000 });
    // A named attendee's own email (tell-named-attendees.ts) carries only their ticket.
    const mine = p.ticketId ? t.tickets.filter((x) => x.ticket.id === p.ticketId) : t.tickets;
    const tickets = mine.map((x, i) => ({
      name: x.ticket.attendeeName,
      type: x.ticket.ticketTypeName,
      cid: `ticket-${i + 1}.${p.orderId}@convene`,
      png: x.qrPngBase64,
    }));
    out.params.tickets = JSON.stringify(tickets.map(({ png: _png, ...rest }) => rest));
    for (const [i, x] of tickets.entries()) {
      if (x.png) out.attachments.push({ filename: `ticket-${i + 1}.png`, content: Buffer.from(x.png, "base64"), contentType: "image/png", cid: x.cid });
    }
  } else if ((c.kind === "event_updated" || c.kind === "event_cancelled") && (await store.isAttendee(deps.db, p.eventId, c.userId))) {
    method = c.kind === "event_cancelled" ? "CANCEL" : "REQUEST";
  } else if (c.kind === "booking_cancelled" && !(await store.hasAttendingOrder(deps.db, p.eventId, c.userId))) {
    // Their last order for it is gone: take the event out of their calendar.
    method = "CANCEL";
  }
  if (!method) return none;
  const ics = invitation({
    method,
    eventId: p.eventId,
    title: p.title,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    timeZone: p.timeZone,
    location: p.venue || p.onlineUrl || "",
    url: new URL(`/events/${p.eventId}`, deps.config.publicUrl).toString(),
    sequence: Number(p.sequence ?? 0),
    organizer: { name: p.organizer || "Convene", email: addressOf(deps.config.emailFrom) },
    attendee: { name: c.displayName ?? "", email: c.address },
    now: deps.now(),
  });
  out.attachments.push({
    filename: method === "CANCEL" ? "cancel.ics" : "invite.ics",
    content: ics,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  });
  return out;
}
