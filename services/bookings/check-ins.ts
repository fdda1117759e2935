/** One check-in of a scanned code, shared by the online scan and the upload of offline scans. */
import { enqueue } from "../kit/outbox.ts";
import { ticketEvents, type TicketView } from "../../subjects/bookings.ts";
import type { Principal } from "../../subjects/principal.ts";
import { type Deps, SOURCE } from "./deps.ts";
import { ACTIVE } from "./store.ts";
import { markCheckedIn, ticketById } from "./store/tickets.ts";
import { viewOf } from "./tickets.ts";

export type Outcome = {
  result: "valid" | "already_checked_in" | "other_event" | "cancelled" | "forged";
  ticket: TicketView | null;
  checkedInAt: string | null;
  checkedInBy: string | null;
};

/**
 * Checks in the ticket a code names, at `at` (a scan's time; offline scans are applied at theirs).
 * A code that does not verify is forged; one of another event says so; a ticket of an order that
 * is not confirmed is cancelled; the first scan wins (store markCheckedIn), later ones are told who
 * checked it in and when. evt.ticket.checked_in is emitted once, by the first.
 */
export async function checkIn(deps: Deps, staff: Principal, eventId: string, code: string, at: Date, offline: boolean): Promise<Outcome> {
  const claims = deps.signer.verify(code);
  if (!claims) return { result: "forged", ticket: null, checkedInAt: null, checkedInBy: null };
  if (claims.e !== eventId) return { result: "other_event", ticket: null, checkedInAt: null, checkedInBy: null };
  const t = await ticketById(deps.db, claims.t);
  if (!t || t.event_id !== eventId) return { result: "forged", ticket: null, checkedInAt: null, checkedInBy: null };
  if (!ACTIVE.includes(t.order_status) || t.order_status !== "confirmed") {
    return { result: "cancelled", ticket: viewOf(t), checkedInAt: null, checkedInBy: null };
  }
  const now = deps.now();
  const won = await deps.db.transaction(async (trx) => {
    const row = await markCheckedIn(trx, t.id, { at, by: staff.sub, offline });
    if (row && t.checked_in_at === null) {
      await enqueue(trx, ticketEvents.checkedIn, {
        ticketId: t.id,
        orderId: t.order_id,
        eventId,
        userId: t.user_id,
        checkedInAt: at.toISOString(),
        checkedInBy: staff.sub,
        offline,
        occurredAt: now.toISOString(),
      }, {
        source: SOURCE,
        occurredAt: now,
      });
    }
    return row;
  });
  deps.flushOutbox();
  const after = (await ticketById(deps.db, t.id))!;
  const first = { checkedInAt: after.checked_in_at ? new Date(after.checked_in_at).toISOString() : null, checkedInBy: after.checked_in_by };
  return { result: won ? "valid" : "already_checked_in", ticket: viewOf(after), ...first };
}
