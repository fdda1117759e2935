import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { issueCalendarToken } from "../usecases/issue-calendar-token.ts";

export const calendarTokenEndpoint = (deps: Deps) => endpoint(events.calendarToken, async (_input, ctx) => issueCalendarToken(deps, requireCaller(ctx)));
