import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { attendeeIds } from "../usecases/read-orders.ts";

/** The event's organizers (through the notifications service, which forwards their principal). */
export const attendeesListEndpoint = (deps: Deps) =>
  endpoint(
    bookings.attendeesList,
    async (
      input,
      ctx,
    ) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)),
      attendeeIds(deps, input.eventId, { ticketTypeId: input.ticketTypeId, checkedIn: input.checkedIn, after: input.after, limit: input.limit ?? 1000 })),
  );
