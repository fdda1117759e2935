import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { eventIcs } from "../usecases/event-ics.ts";

export const eventsIcsEndpoint = (deps: Deps) => endpoint(events.ics, async (input, ctx) => eventIcs(deps, ctx.principal, input.eventId));
