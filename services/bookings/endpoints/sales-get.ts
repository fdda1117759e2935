import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf, organizedEvent } from "../access.ts";
import { sales } from "../usecases/sales.ts";

export const salesGetEndpoint = (deps: Deps) => endpoint(bookings.salesGet, async (input, ctx) => (await organizedEvent(deps, input.eventId, callerOf(ctx)), sales(deps, input.eventId)));
