/** Creates or renames a category; platform admins only. */
import { forbidden } from "../../kit/errors.ts";
import { hasRole } from "../../kit/caller.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { type Category, upsertCategory } from "../store.ts";

export async function putCategory(deps: Pick<Deps, "db">, caller: Principal, input: { slug: string; name: string; description?: string }): Promise<Category> {
  if (!hasRole(caller, "admin")) throw forbidden("only platform admins manage categories");
  return upsertCategory(deps.db, input);
}
