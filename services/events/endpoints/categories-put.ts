import { endpoint } from "../../kit/serve.ts";
import { forbidden } from "../../kit/errors.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller, hasRole } from "../../kit/caller.ts";
import { putCategory } from "../usecases/manage-categories.ts";

export const categoriesPutEndpoint = (deps: Deps) =>
  endpoint(events.categoriesPut, async (input, ctx) => {
    if (!hasRole(requireCaller(ctx), "admin")) throw forbidden("only platform admins manage categories");
    return putCategory(deps.db, input);
  });
