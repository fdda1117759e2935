import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { listCategories } from "../usecases/list-categories.ts";

export const categoriesListEndpoint = (deps: Deps) => endpoint(events.categoriesList, async () => ({ items: await listCategories(deps) }));
