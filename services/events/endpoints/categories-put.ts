import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { putCategory } from "../usecases/put-category.ts";

export const categoriesPutEndpoint = (deps: Deps) => endpoint(events.categoriesPut, (input, ctx) => putCategory(deps, requireCaller(ctx), input));
