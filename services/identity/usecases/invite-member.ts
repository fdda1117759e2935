import { randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { AppError, conflict, forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { newSecret, sha256 } from "../secrets.ts";
import { normalEmail, type OrgRole, type UserRow } from "../store.ts";
import { insertInvitation, invitationsSentSince, invitedSince, isMemberByEmail, orgById, orgRole } from "../store/orgs.ts";
import { sealForMail } from "../mail-links.ts";

const INVITATION_TTL_MS = 7 * 86_400_000;
/** Each invitation mails a stranger: an inviter sends at most this many an hour, and one address one per 10 minutes. */
const INVITATIONS_PER_HOUR = 20;
const SAME_ADDRESS_INTERVAL_MS = 10 * 60_000;

/** Owners and admins invite; only owners invite owners and admins. evt.org.invitation_created carries the token, sealed, for the email. */
export async function inviteMember(deps: Pick<Deps, "db" | "mailLinks" | "now">, user: UserRow, input: { orgId: string; email: string; role?: OrgRole }) {
  const role = input.role ?? "member";
  const email = normalEmail(input.email);
  const now = deps.now();
  const org = await orgById(deps.db, input.orgId);
  if (!org) throw notFound("organization");
  const mine = await orgRole(deps.db, org.id, user.id);
  if (mine !== "owner" && mine !== "admin") throw forbidden("only owners and admins invite");
  if (role !== "member" && mine !== "owner") throw forbidden(`only owners invite ${role}s`);
  if (await isMemberByEmail(deps.db, org.id, email)) throw conflict("this person is already a member", [{ field: "email", message: "is a member" }]);
  const sent = await invitationsSentSince(deps.db, user.id, new Date(now.getTime() - 3_600_000));
  if (sent >= INVITATIONS_PER_HOUR) {
    throw new AppError("rate_limited", `at most ${INVITATIONS_PER_HOUR} invitations an hour`, { details: { retryAfterSeconds: 600 } });
  }
  if (await invitedSince(deps.db, org.id, email, new Date(now.getTime() - SAME_ADDRESS_INTERVAL_MS))) {
    throw new AppError("rate_limited", "this address was invited less than 10 minutes ago", { details: { retryAfterSeconds: 600 } });
  }
  const token = newSecret();
  const invitationId = randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await deps.db.transaction(async (trx) => {
    await insertInvitation(trx, { id: invitationId, org_id: org.id, email, role, token_hash: sha256(token), invited_by: user.id, expires_at: expiresAt });
    await enqueue(
      trx,
      identityEvents.orgInvitationCreated,
      {
        invitationId,
        orgId: org.id,
        orgName: org.name,
        email,
        role,
        invitedBy: user.id,
        inviterName: user.display_name,
        sealedToken: sealForMail(deps.mailLinks, "org_invitation", email, token, expiresAt, now),
        expiresAt: expiresAt.toISOString(),
      },
      { source: "identity" },
    );
  });
  return { invitationId, email, role, expiresAt: expiresAt.toISOString() };
}
