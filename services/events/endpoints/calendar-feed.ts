import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { calendarFeed } from "../usecases/calendar-feed.ts";

/** Public: the secret token is the credential (calendar apps send no bearer token). */
export const calendarFeedEndpoint = (deps: Deps) => endpoint(events.calendarFeed, async (input) => calendarFeed(deps, input.token));
