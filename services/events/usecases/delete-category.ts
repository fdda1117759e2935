/** Deletes a category no live event uses; platform admins only. */
import { conflict, forbidden } from "../../kit/errors.ts";
import { hasRole } from "../../kit/caller.ts";
import type { Principal } from "../../../subjects/principal.ts";
import type { Deps } from "../deps.ts";
import { categoryInUse, deleteCategoryRow } from "../store.ts";

export async function deleteCategory(deps: Pick<Deps, "db">, caller: Principal, input: { slug: string }): Promise<boolean> {
  if (!hasRole(caller, "admin")) throw forbidden("only platform admins manage categories");
  if (await categoryInUse(deps.db, input.slug)) throw conflict("events still use this category; move them first");
  // Deleted events keep their slug for the history; detach them so the row can go.
  return deps.db.transaction((trx) => deleteCategoryRow(trx, input.slug));
}
