import type { Deps } from "../deps.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import { membersPage, orgById, orgRole } from "../store/orgs.ts";

/** Members and their roles, newest first; only members may see who else is one. */
export async function listMembers(deps: Pick<Deps, "db">, callerId: string, input: { orgId: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  if (!(await orgById(deps.db, input.orgId))) throw notFound("organization");
  if (!(await orgRole(deps.db, input.orgId, callerId))) throw forbidden("only members see the member list");
  const rows = await membersPage(deps.db, input.orgId, after, limit);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.user_id }));
  return { items: kept.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, joinedAt: new Date(r.at).toISOString() })), nextCursor };
}
