import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { readHistory } from "../usecases/read-history.ts";

export const historyEndpoint = (deps: Deps) => endpoint(events.history, async (input, ctx) => readHistory(deps, callerOf(ctx), input));
