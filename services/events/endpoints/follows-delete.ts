import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { followEvent } from "../usecases/follow-event.ts";

export const followsDeleteEndpoint = (deps: Deps) =>
  endpoint(events.followsDelete, async (input, ctx) => {
    await followEvent(deps, requireCaller(ctx), input.eventId, false);
    return { following: false as const };
  });
