import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { importCalendar } from "../usecases/import-calendar.ts";

export const eventsImportEndpoint = (deps: Deps) =>
  endpoint(events.import, async (input, ctx) => importCalendar(deps, requireCaller(ctx), input, { deadline: ctx.deadline }));
