import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { searchEvents } from "../usecases/search-events.ts";

export const eventsSearchEndpoint = (deps: Deps) => endpoint(events.search, async (input, ctx) => searchEvents(deps, ctx.principal, input));
