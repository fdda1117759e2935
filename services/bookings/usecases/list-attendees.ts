/**
 * The users attending an event, a page of ids, for its organizers (through the notifications
 * service, which forwards their principal, to message attendees).
 */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { attendingUserIds } from "../store/orders.ts";

export async function listAttendees(
  deps: Deps,
  caller: Principal,
  input: RequestOf<typeof bookings.attendeesList>,
): Promise<{ userIds: string[]; last: string | null }> {
  await organizedEvent(deps, input.eventId, caller);
  const limit = input.limit ?? 1000;
  const userIds = await attendingUserIds(deps.db, input.eventId, { ticketTypeId: input.ticketTypeId, checkedIn: input.checkedIn, after: input.after, limit });
  return { userIds, last: userIds.length === limit ? userIds[userIds.length - 1] : null };
}
