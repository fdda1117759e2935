import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { callerOf, organizedEvent } from "../access.ts";
import { offlinePackage } from "../usecases/tickets.ts";

export const checkInsPackageEndpoint = (deps: Deps) => endpoint(bookings.checkInsPackage, async (input, ctx) => (await organizedEvent(deps, input.eventId, callerOf(ctx)), offlinePackage(deps, input.eventId)));
