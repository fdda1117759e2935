import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { readEvent } from "../usecases/read-event.ts";

export const eventsGetEndpoint = (deps: Deps) =>
  endpoint(events.get, async (input, ctx) => readEvent(deps, ctx.principal, input.eventId, { countView: input.countView }));
