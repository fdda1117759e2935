import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { followEvent } from "../usecases/follow-event.ts";

export const followsCreateEndpoint = (deps: Deps) =>
  endpoint(events.followsCreate, async (input, ctx) => {
    await followEvent(deps, requireCaller(ctx), input.eventId, true);
    return { following: true as const };
  });
