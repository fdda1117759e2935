import { endpoint } from "../../kit/serve.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { hasRole, requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import * as store from "../store.ts";
import { formatOffsets, parseOffsets, replanEvent } from "../usecases/reminders.ts";

/**
 * The event's author (as the projection of its facts says) or an admin.
 * REVIEW: an organization's admins may edit its events but are not known here; asking identity
 * (svc.identity can-act) would let them set reminders too.
 */
export const remindersSetEndpoint = (deps: Deps) =>
  endpoint(notifications.remindersSet, async (input, ctx) => {
    const p = requireCaller(ctx);
    return deps.db.transaction(async (trx) => {
      const ev = await store.eventOf(trx, input.eventId);
      if (!ev || ev.status === "deleted") throw notFound("event");
      if (ev.organizerId !== p.sub && !hasRole(p, "admin")) throw forbidden("only the event's organizer sets its reminders");
      const offsets = input.offsets === null ? null : parseOffsets(input.offsets.join(","));
      await store.setReminderOffsets(trx, input.eventId, offsets);
      await replanEvent(trx, deps, input.eventId, ev.reminderOffsetsS ?? []);
      return { eventId: input.eventId, offsets: formatOffsets(offsets ?? deps.config.reminderOffsetsS), custom: offsets !== null };
    });
  });
