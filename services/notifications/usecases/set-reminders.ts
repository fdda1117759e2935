/**
 * Sets an event's reminder offsets (null: the platform's defaults) and re-plans its reminders.
 * The event's author (as the projection of its facts says), an admin, or anyone bookings counts as
 * its organizer (admins of the event's organization: bookings asks identity), asked before the
 * transaction so no connection waits on NATS.
 */
import type { RequestOf } from "../../../subjects/contract.ts";
import type { notifications } from "../../../subjects/notifications.ts";
import type { Principal } from "../../../subjects/principal.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { hasRole } from "../../kit/caller.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import { formatOffsets, parseOffsets, replanEvent } from "../reminders.ts";

export async function setReminders(deps: Deps, caller: Principal, input: RequestOf<typeof notifications.remindersSet>) {
  const known = await store.eventOf(deps.db, input.eventId);
  if (!known || known.status === "deleted") throw notFound("event");
  if (known.organizerId !== caller.sub && !hasRole(caller, "admin")) {
    const organizes = await deps.attendeesOf(caller, input.eventId, { type: "all" }, 1).then(() => true, () => false);
    if (!organizes) throw forbidden("only the event's organizers set its reminders");
  }
  return deps.db.transaction(async (trx) => {
    const ev = await store.eventOf(trx, input.eventId);
    if (!ev || ev.status === "deleted") throw notFound("event");
    const offsets = input.offsets === null ? null : parseOffsets(input.offsets.join(","));
    await store.setReminderOffsets(trx, input.eventId, offsets);
    await replanEvent(trx, deps, input.eventId, ev.reminderOffsetsS ?? []);
    return { eventId: input.eventId, offsets: formatOffsets(offsets ?? deps.config.reminderOffsetsS), custom: offsets !== null };
  });
}
