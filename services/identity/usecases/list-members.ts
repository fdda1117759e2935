import type { Db } from "../../kit/db.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { decodeCursor, isoOf, page } from "../../kit/cursor.ts";
import { orgRole, type OrgRole } from "../store.ts";

/** Members and their roles, newest first; only members may see who else is one. */
export async function listMembers(deps: { db: Db }, callerId: string, input: { orgId: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  if (!(await deps.db("orgs").where({ id: input.orgId }).first("id"))) throw notFound("organization");
  if (!(await orgRole(deps.db, input.orgId, callerId))) throw forbidden("only members see the member list");
  const q = deps.db("org_members as m")
    .join("users as u", "u.id", "m.user_id")
    .where("m.org_id", input.orgId)
    .select("m.user_id", "m.role", "u.display_name", deps.db.raw(`${isoOf("m.joined_at")} as at`));
  if (after) q.whereRaw("(m.joined_at, m.user_id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  const rows: Array<{ user_id: string; role: OrgRole; display_name: string; at: string }> = await q.orderBy([{ column: "m.joined_at", order: "desc" }, { column: "m.user_id", order: "desc" }]).limit(limit + 1);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.user_id }));
  return { items: kept.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, joinedAt: new Date(r.at).toISOString() })), nextCursor };
}
