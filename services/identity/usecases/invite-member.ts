import { randomUUID } from "node:crypto";
import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { AppError, conflict, forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { normalEmail, orgRole, type OrgRole, type UserRow } from "../store.ts";
import { sealForMail, type MailLinks } from "../mail-links.ts";

export const INVITATION_TTL_MS = 7 * 86_400_000;
/** Each invitation mails a stranger: an inviter sends at most this many an hour, and one address one per 10 minutes. */
export const INVITATIONS_PER_HOUR = 20;
const SAME_ADDRESS_INTERVAL_MS = 10 * 60_000;

/** Owners and admins invite; only owners invite owners and admins. evt.org.invitation_created carries the token, sealed, for the email. */
export async function inviteMember(deps: { db: Db; mailLinks: MailLinks }, user: UserRow, input: { orgId: string; email: string; role?: OrgRole }) {
  const role = input.role ?? "member";
  const email = normalEmail(input.email);
  const org = await deps.db("orgs").where({ id: input.orgId }).first("id", "name");
  if (!org) throw notFound("organization");
  const mine = await orgRole(deps.db, org.id, user.id);
  if (mine !== "owner" && mine !== "admin") throw forbidden("only owners and admins invite");
  if (role !== "member" && mine !== "owner") throw forbidden(`only owners invite ${role}s`);
  const member = await deps.db("org_members as m").join("users as u", "u.id", "m.user_id").where({ "m.org_id": org.id, "u.email": email }).first("m.user_id");
  if (member) throw conflict("this person is already a member", [{ field: "email", message: "is a member" }]);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const sent = await deps.db("org_invitations").where({ invited_by: user.id }).andWhere("created_at", ">", hourAgo).count<{ n: number }[]>({ n: "*" });
  if (Number(sent[0].n) >= INVITATIONS_PER_HOUR) throw new AppError("rate_limited", `at most ${INVITATIONS_PER_HOUR} invitations an hour`, { details: { retryAfterSeconds: 600 } });
  const recent = await deps.db("org_invitations").where({ org_id: org.id, email }).andWhere("created_at", ">", new Date(Date.now() - SAME_ADDRESS_INTERVAL_MS)).first("id");
  if (recent) throw new AppError("rate_limited", "this address was invited less than 10 minutes ago", { details: { retryAfterSeconds: 600 } });
  const token = newSecret();
  const invitationId = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await deps.db.transaction(async (trx) => {
    await trx("org_invitations").insert({ id: invitationId, org_id: org.id, email, role, token_hash: sha256(token), invited_by: user.id, expires_at: expiresAt });
    await enqueue(
      trx,
      identityEvents.orgInvitationCreated,
      { invitationId, orgId: org.id, orgName: org.name, email, role, invitedBy: user.id, inviterName: user.display_name, sealedToken: sealForMail(deps.mailLinks, "org_invitation", email, token, expiresAt), expiresAt: expiresAt.toISOString() },
      { source: "identity" },
    );
  });
  return { invitationId, email, role, expiresAt: expiresAt.toISOString() };
}
