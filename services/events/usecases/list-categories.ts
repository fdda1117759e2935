/** The managed list of categories, by name: everyone reads it. */
import type { Deps } from "../deps.ts";
import { type Category, listCategories as categoriesByName } from "../store.ts";

export async function listCategories(deps: Pick<Deps, "db">): Promise<Category[]> {
  return categoriesByName(deps.db);
}
