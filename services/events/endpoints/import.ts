import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { importCalendar } from "../usecases/import-calendar.ts";

export const importEndpoint = (deps: Deps) => endpoint(events.import, async (input, ctx) => importCalendar(deps, callerOf(ctx), input));
