/** An event's waitlist in queue order, for its organizers. */
import { decodeKeyCursor, encodeKeyCursor } from "../../kit/cursor.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { organizedEvent } from "../access.ts";
import { entriesPage } from "../store/waitlist.ts";
import { type EntryView, entryView } from "../waitlist.ts";

export async function listWaitlist(
  deps: Deps,
  caller: Principal,
  input: RequestOf<typeof bookings.waitlistList>,
): Promise<{ items: EntryView[]; nextCursor: string | null }> {
  const { eventId } = input;
  await organizedEvent(deps, eventId, caller);
  const limit = input.limit ?? 20;
  const after = Number(decodeKeyCursor(input.cursor, "integer") ?? 0);
  const rows = await entriesPage(deps.db, eventId, after, limit);
  const page = rows.slice(0, limit);
  const items: EntryView[] = [];
  for (const r of page) items.push(await entryView(deps.db, r));
  return { items, nextCursor: rows.length > limit ? encodeKeyCursor(page[page.length - 1].queue_no) : null };
}
