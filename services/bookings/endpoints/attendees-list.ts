import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { listAttendees } from "../usecases/list-attendees.ts";

/** The event's organizers (through the notifications service, which forwards their principal). */
export const attendeesListEndpoint = (deps: Deps) => endpoint(bookings.attendeesList, async (input, ctx) => listAttendees(deps, requireCaller(ctx), input));
