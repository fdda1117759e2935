import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { deleteCategory } from "../usecases/delete-category.ts";

export const categoriesDeleteEndpoint = (deps: Deps) =>
  endpoint(events.categoriesDelete, async (input, ctx) => ({ deleted: await deleteCategory(deps, requireCaller(ctx), input) }));
