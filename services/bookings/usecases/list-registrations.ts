/** An event's registrations for its organizers: one row per ticket, with counts per order status over the whole event. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import { organizedEvent } from "../access.ts";
import { participantsPage, ticketCountsByStatus } from "../store/orders.ts";

export async function listRegistrations(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.registrations>) {
  const { eventId } = input;
  await organizedEvent(deps, eventId, caller);
  const limit = input.limit ?? 50;
  const rows = await participantsPage(deps.db, eventId, { status: input.status, q: input.q, after: decodeKeyCursor(input.cursor, "uuid"), limit });
  const page = rows.slice(0, limit);
  const countRows = await ticketCountsByStatus(deps.db, eventId);
  return {
    items: page.map((r) => ({
      ticketId: r.ticket_id,
      orderId: r.order_id,
      userId: r.user_id,
      attendeeName: r.attendee_name,
      attendeeEmail: r.attendee_email,
      ticketTypeName: r.type_name,
      status: r.status,
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      bookedAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: rows.length > limit ? encodeKeyCursor(page[page.length - 1].ticket_id) : null,
    counts: Object.fromEntries(countRows.map((r) => [r.status, Number(r.n)])),
  };
}
