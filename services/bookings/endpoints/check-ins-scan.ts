import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf, organizedEvent } from "../access.ts";
import { scan } from "../usecases/tickets.ts";

export const checkInsScanEndpoint = (deps: Deps) => endpoint(bookings.checkInsScan, async (input, ctx) => (await organizedEvent(deps, input.eventId, callerOf(ctx)), scan(deps, callerOf(ctx), input.eventId, input.code, deps.now(), false)));
