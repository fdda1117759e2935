import type { Deps } from "../deps.ts";
import { ORG_RANK, type OrgRole } from "../store.ts";
import { membership } from "../store/orgs.ts";

/** Whether a user (active) holds at least `minRole` in an organization: the events service asks before an organization's event changes. */
export async function canAct(deps: Pick<Deps, "db">, input: { userId: string; orgId: string; minRole?: OrgRole }) {
  const member = await membership(deps.db, input.orgId, input.userId);
  const role = member?.role ?? null;
  const allowed = member !== undefined && member.active && ORG_RANK[member.role] >= ORG_RANK[input.minRole ?? "admin"];
  return { allowed, role };
}
