import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf, organizedEvent } from "../access.ts";
import { checkInList } from "../usecases/tickets.ts";

export const checkInsListEndpoint = (deps: Deps) => endpoint(bookings.checkInsList, async (input, ctx) => (await organizedEvent(deps, input.eventId, callerOf(ctx)), checkInList(deps, input.eventId, { ticketTypeId: input.ticketTypeId, checkedIn: input.checkedIn, cursor: input.cursor, limit: input.limit ?? 20 })));
