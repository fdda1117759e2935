/** The caller joins a sold-out event's waitlist (or is shown the entry they already have open). */
import { AppError, notFound } from "../../kit/errors.ts";
import type { RequestOf } from "../../../subjects/contract.ts";
import type { bookings } from "../../../subjects/bookings.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { eventById, lockInventory, settingsOf } from "../store.ts";
import { insertEntry, openEntryOf } from "../store/waitlist.ts";
import { type EntryView, entryView, freeSeats } from "../waitlist.ts";

export async function joinWaitlist(deps: Deps, caller: Principal, input: RequestOf<typeof bookings.waitlistJoin>): Promise<EntryView> {
  const { eventId, seats } = input;
  const now = deps.now();
  const event = await eventById(deps.db, eventId);
  if (!event || event.deleted || event.status !== "published") throw notFound("event");
  const settings = await settingsOf(deps.db, eventId);
  if (!settings.waitlist_enabled) throw new AppError("waitlist_closed", "this event has no waitlist", { status: 409 });
  if (new Date(event.starts_at) <= now) throw new AppError("sales_closed", "the event has started", { status: 409 });
  const open = await openEntryOf(deps.db, eventId, caller.sub);
  if (open) return entryView(deps.db, open);
  const row = await deps.db.transaction(async (trx) => {
    await lockInventory(trx, eventId);
    const free = await freeSeats(trx, eventId);
    if (free && (free.free === null || free.free >= seats)) throw new AppError("seats_available", "seats are available: book them instead", { status: 409 });
    return insertEntry(trx, { id: crypto.randomUUID(), event_id: eventId, user_id: caller.sub, seats, status: "waiting", created_at: now });
  });
  return entryView(deps.db, row);
}
