/** What may be followed: an active user or an existing organization. */
import type { Db } from "../kit/db.ts";
import { notFound } from "../kit/errors.ts";

export type Target = { kind: "user" | "org"; id: string };

/** not_found unless the target exists (and, for a user, is active). */
export async function assertFollowable(db: Db, target: Target): Promise<void> {
  const found = target.kind === "user"
    ? await db("users").where({ id: target.id, status: "active" }).first("id")
    : await db("orgs").where({ id: target.id }).first("id");
  if (!found) throw notFound(target.kind === "user" ? "user" : "organization");
}
