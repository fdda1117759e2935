import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { deleteEvent } from "../usecases/delete-event.ts";

export const eventsDeleteEndpoint = (deps: Deps) =>
  endpoint(events.delete, async (input, ctx) => {
    await deleteEvent(deps, requireCaller(ctx), input.eventId);
    return { deleted: true as const };
  });
