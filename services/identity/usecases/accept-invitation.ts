import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { forbidden } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { sha256 } from "../secrets.ts";
import type { OrgRole, UserRow } from "../store.ts";
import { invalidToken } from "../tokens.ts";

/** Joins with an invitation token; it works once, within 7 days, for the account with the invited email. */
export async function acceptInvitation(deps: { db: Db }, user: UserRow, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const inv = await trx("org_invitations").where({ token_hash: sha256(input.token) }).whereNull("accepted_at").andWhere("expires_at", ">", new Date()).forUpdate().first();
    if (!inv) throw invalidToken("invitation");
    if (inv.email !== user.email) throw forbidden("this invitation was sent to another email address");
    await trx("org_invitations").where({ id: inv.id }).update({ accepted_at: trx.fn.now(), accepted_by: user.id });
    const inserted = await trx("org_members").insert({ org_id: inv.org_id, user_id: user.id, role: inv.role }).onConflict(["org_id", "user_id"]).ignore().returning("role");
    if (!inserted.length) {
      // Already a member (another invitation was accepted first): keep the role they have.
      const existing = await trx("org_members").where({ org_id: inv.org_id, user_id: user.id }).first("role");
      return { orgId: inv.org_id as string, role: existing.role as OrgRole };
    }
    await enqueue(trx, identityEvents.orgMemberAdded, { orgId: inv.org_id, userId: user.id, role: inv.role }, { source: "identity" });
    return { orgId: inv.org_id as string, role: inv.role as OrgRole };
  });
}
