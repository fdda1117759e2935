import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import { recordViews } from "../usecases/record-views.ts";
import type { Deps } from "../deps.ts";

export const viewsRecordEndpoint = (deps: Deps) => endpoint(events.recordViews, (input) => recordViews(deps, input));
