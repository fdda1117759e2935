import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { readHistory } from "../usecases/read-history.ts";

export const changesListEndpoint = (deps: Deps) => endpoint(events.changesList, async (input, ctx) => readHistory(deps, requireCaller(ctx), input));
