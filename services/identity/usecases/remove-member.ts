import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { conflict, forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { deleteMember, lockMembers } from "../store/orgs.ts";

/**
 * Removes `userId` from an organization, by `byId` (themselves when leaving). Owners remove
 * anyone, admins remove members. The member rows are locked, so two owners leaving at once
 * cannot leave the organization without one.
 */
export async function removeMember(deps: Pick<Deps, "db">, byId: string, input: { orgId: string; userId: string }) {
  return deps.db.transaction(async (trx) => {
    const members = await lockMembers(trx, input.orgId);
    const by = members.find((m) => m.user_id === byId);
    const target = members.find((m) => m.user_id === input.userId);
    if (!by) throw members.length ? forbidden("you are not a member of this organization") : notFound("organization");
    if (!target) throw notFound("member");
    const leaving = byId === input.userId;
    if (!leaving && by.role !== "owner" && !(by.role === "admin" && target.role === "member")) {
      throw forbidden(by.role === "admin" ? "admins remove members only" : "only owners and admins remove members");
    }
    if (target.role === "owner" && members.filter((m) => m.role === "owner").length === 1) {
      throw conflict("the last owner cannot leave or be removed; invite another owner first");
    }
    await deleteMember(trx, input.orgId, input.userId);
    await enqueue(trx, identityEvents.orgMemberRemoved, { orgId: input.orgId, userId: input.userId }, { source: "identity" });
    return { ok: true as const };
  });
}
