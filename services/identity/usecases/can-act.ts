import type { Db } from "../../kit/db.ts";
import { ORG_RANK, type OrgRole } from "../store.ts";

/** Whether a user (active) holds at least `minRole` in an organization: the events service asks before an organization's event changes. */
export async function canAct(deps: { db: Db }, input: { userId: string; orgId: string; minRole?: OrgRole }) {
  const row = await deps.db("org_members as m").join("users as u", "u.id", "m.user_id").where({ "m.org_id": input.orgId, "m.user_id": input.userId }).first("m.role", "u.status");
  const role = (row?.role as OrgRole | undefined) ?? null;
  const allowed = role !== null && row.status === "active" && ORG_RANK[role] >= ORG_RANK[input.minRole ?? "admin"];
  return { allowed, role };
}
