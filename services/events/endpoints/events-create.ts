import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { createEvent } from "../usecases/create-event.ts";
import { viewOf } from "../event-reply.ts";

export const eventsCreateEndpoint = (deps: Deps) =>
  endpoint(events.create, async (input, ctx) => viewOf(deps, await createEvent(deps, requireCaller(ctx), input), true));
