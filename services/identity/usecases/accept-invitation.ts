import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { forbidden } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { sha256 } from "../secrets.ts";
import type { OrgRole, UserRow } from "../store.ts";
import { addMember, lockLiveInvitation, markAccepted, orgRole } from "../store/orgs.ts";
import { invalidToken } from "../tokens.ts";

/** Joins with an invitation token; it works once, within 7 days, for the account with the invited email. */
export async function acceptInvitation(deps: Pick<Deps, "db" | "now">, user: UserRow, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const inv = await lockLiveInvitation(trx, sha256(input.token), deps.now());
    if (!inv) throw invalidToken("invitation");
    if (inv.email !== user.email) throw forbidden("this invitation was sent to another email address");
    await markAccepted(trx, inv.id, user.id);
    if (!(await addMember(trx, inv.org_id, user.id, inv.role))) {
      // Already a member (another invitation was accepted first): keep the role they have.
      return { orgId: inv.org_id, role: (await orgRole(trx, inv.org_id, user.id)) as OrgRole };
    }
    await enqueue(trx, identityEvents.orgMemberAdded, { orgId: inv.org_id, userId: user.id, role: inv.role }, { source: "identity" });
    return { orgId: inv.org_id, role: inv.role };
  });
}
