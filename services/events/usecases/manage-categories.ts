/** The managed list of categories: everyone reads it, platform admins edit it. */
import type { Knex } from "knex";
import { conflict } from "../../kit/errors.ts";

export type Category = { slug: string; name: string; description: string };

export async function listCategories(db: Knex): Promise<Category[]> {
  return db("categories").select("slug", "name", "description").orderBy("name");
}

export async function putCategory(db: Knex, c: { slug: string; name: string; description?: string }): Promise<Category> {
  const [row] = await db("categories")
    .insert({ slug: c.slug, name: c.name.trim(), description: c.description ?? "" })
    .onConflict("slug")
    .merge(c.description === undefined ? ["name"] : ["name", "description"])
    .returning(["slug", "name", "description"]);
  return row as Category;
}

export async function deleteCategory(db: Knex, slug: string): Promise<boolean> {
  const used = await db("events").where({ category: slug }).whereNull("deleted_at").first("id");
  if (used) throw conflict("events still use this category; move them first");
  // Deleted events keep their slug for the history; detach them so the row can go.
  return db.transaction(async (trx) => {
    await trx("events").where({ category: slug }).update({ category: null });
    return (await trx("categories").where({ slug }).delete()) > 0;
  });
}
