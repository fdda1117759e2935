/** An event's confirmed tickets and who is checked in (its organizers), a page at a time, with the totals. */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import { organizedEvent } from "../access.ts";
import { checkInPage } from "../store/tickets.ts";
import { viewOf } from "../tickets.ts";

export async function listCheckIns(deps: Deps, staff: Principal, input: RequestOf<typeof bookings.checkInsList>) {
  await organizedEvent(deps, input.eventId, staff);
  const limit = input.limit ?? 20;
  const { rows, total, checkedIn } = await checkInPage(deps.db, input.eventId, input, decodeKeyCursor(input.cursor, "uuid"), limit);
  const page = rows.slice(0, limit);
  return { items: page.map(viewOf), nextCursor: rows.length > limit ? encodeKeyCursor(page[page.length - 1].id) : null, total, checkedIn };
}
