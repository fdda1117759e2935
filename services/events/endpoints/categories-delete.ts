import { endpoint } from "../../kit/serve.ts";
import { forbidden } from "../../kit/errors.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller, hasRole } from "../../kit/caller.ts";
import { deleteCategory } from "../usecases/manage-categories.ts";

export const categoriesDeleteEndpoint = (deps: Deps) =>
  endpoint(events.categoriesDelete, async (input, ctx) => {
    if (!hasRole(requireCaller(ctx), "admin")) throw forbidden("only platform admins manage categories");
    return { deleted: await deleteCategory(deps.db, input.slug) };
  });
