import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { updateEvent } from "../usecases/update-event.ts";
import { viewOf } from "../event-reply.ts";

export const eventsUpdateEndpoint = (deps: Deps) =>
  endpoint(events.update, async ({ eventId, ...patch }, ctx) => viewOf(deps, await updateEvent(deps, requireCaller(ctx), eventId, patch), true));
