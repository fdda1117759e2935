import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { conflict, forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { OrgRole } from "../store.ts";
import { lockMembers, setMemberRole as updateMemberRole } from "../store/orgs.ts";

/**
 * Changes a member's role. Only owners do: an admin who could promote would make themselves an
 * owner. The member rows are locked, so two owners stepping down at once cannot leave the
 * organization without one.
 */
export async function setMemberRole(deps: Pick<Deps, "db">, byId: string, input: { orgId: string; userId: string; role: OrgRole }) {
  return deps.db.transaction(async (trx) => {
    const members = await lockMembers(trx, input.orgId);
    const by = members.find((m) => m.user_id === byId);
    const target = members.find((m) => m.user_id === input.userId);
    if (!by) throw members.length ? forbidden("you are not a member of this organization") : notFound("organization");
    if (by.role !== "owner") throw forbidden("only owners change roles");
    if (!target) throw notFound("member");
    if (target.role === input.role) return { changed: false };
    if (target.role === "owner" && members.filter((m) => m.role === "owner").length === 1) {
      throw conflict("the last owner cannot step down; make another member an owner first");
    }
    await updateMemberRole(trx, input.orgId, input.userId, input.role);
    await enqueue(
      trx,
      identityEvents.orgMemberRoleChanged,
      { orgId: input.orgId, userId: input.userId, role: input.role, previousRole: target.role, by: byId },
      { source: "identity" },
    );
    return { changed: true };
  });
}
