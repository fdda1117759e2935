import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { readFeed } from "../usecases/read-feed.ts";

export const eventsFeedEndpoint = (deps: Deps) => endpoint(events.feed, async (input, ctx) => readFeed(deps, ctx.principal, input));
