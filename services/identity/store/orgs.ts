/** identity's queries on organizations, their members and invitations. */
import { isoOf, type Position } from "../../kit/cursor.ts";
import type { OrgRole, Q } from "../store.ts";

export type OrgRow = { id: string; name: string; slug: string; description: string | null; created_by: string; created_at: Date };
export type Member = { user_id: string; role: OrgRole };

export const orgById = (q: Q, id: string): Promise<OrgRow | undefined> => q("orgs").where({ id }).first();

/** Inserts an organization unless its slug is taken; its creation time, or undefined. */
export async function insertOrg(
  trx: Q,
  row: { id: string; name: string; slug: string; description: string | null; created_by: string },
): Promise<Date | undefined> {
  const inserted = await trx("orgs").insert(row).onConflict("slug").ignore().returning("created_at");
  return inserted.length ? new Date(inserted[0].created_at) : undefined;
}

export async function memberCount(q: Q, orgId: string): Promise<number> {
  const row = await q("org_members").where({ org_id: orgId }).count<{ n: number }[]>({ n: "*" });
  return Number(row[0].n);
}

export async function orgRole(q: Q, orgId: string, userId: string): Promise<OrgRole | null> {
  const row = await q("org_members").where({ org_id: orgId, user_id: userId }).first("role");
  return (row?.role as OrgRole | undefined) ?? null;
}

/** A member's role and whether their account is active. */
export async function membership(q: Q, orgId: string, userId: string): Promise<{ role: OrgRole; active: boolean } | undefined> {
  const row = await q("org_members as m").join("users as u", "u.id", "m.user_id").where({ "m.org_id": orgId, "m.user_id": userId }).first("m.role", "u.status");
  return row ? { role: row.role as OrgRole, active: row.status === "active" } : undefined;
}

/** Whether the account with this email is a member. */
export async function isMemberByEmail(q: Q, orgId: string, email: string): Promise<boolean> {
  return Boolean(await q("org_members as m").join("users as u", "u.id", "m.user_id").where({ "m.org_id": orgId, "u.email": email }).first("m.user_id"));
}

/** Adds a member unless already one; whether this call added them. */
export async function addMember(trx: Q, orgId: string, userId: string, role: OrgRole): Promise<boolean> {
  const inserted = await trx("org_members").insert({ org_id: orgId, user_id: userId, role }).onConflict(["org_id", "user_id"]).ignore().returning("role");
  return inserted.length > 0;
}

/** Every member, locked: changes that must leave an owner see them all. */
export const lockMembers = (trx: Q, orgId: string): Promise<Member[]> => trx("org_members").where({ org_id: orgId }).forUpdate().select("user_id", "role");

export async function setMemberRole(trx: Q, orgId: string, userId: string, role: OrgRole): Promise<void> {
  await trx("org_members").where({ org_id: orgId, user_id: userId }).update({ role });
}

export async function deleteMember(trx: Q, orgId: string, userId: string): Promise<void> {
  await trx("org_members").where({ org_id: orgId, user_id: userId }).delete();
}

/** Members newest first (keyset page of limit + 1). */
export function membersPage(
  q: Q,
  orgId: string,
  after: Position | undefined,
  limit: number,
): Promise<Array<{ user_id: string; role: OrgRole; display_name: string; at: string }>> {
  const sql = q("org_members as m")
    .join("users as u", "u.id", "m.user_id")
    .where("m.org_id", orgId)
    .select("m.user_id", "m.role", "u.display_name", q.raw(`${isoOf("m.joined_at")} as at`));
  if (after) sql.whereRaw("(m.joined_at, m.user_id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  return sql.orderBy([{ column: "m.joined_at", order: "desc" }, { column: "m.user_id", order: "desc" }]).limit(limit + 1);
}

export type InvitationRow = { id: string; org_id: string; email: string; role: OrgRole; token_hash: string; invited_by: string; expires_at: Date };

export async function insertInvitation(trx: Q, row: InvitationRow): Promise<void> {
  await trx("org_invitations").insert(row);
}

/** Invitations an inviter sent since `since`. */
export async function invitationsSentSince(q: Q, invitedBy: string, since: Date): Promise<number> {
  const row = await q("org_invitations").where({ invited_by: invitedBy }).andWhere("created_at", ">", since).count<{ n: number }[]>({ n: "*" });
  return Number(row[0].n);
}

/** Whether the address was invited to the organization since `since`. */
export async function invitedSince(q: Q, orgId: string, email: string, since: Date): Promise<boolean> {
  return Boolean(await q("org_invitations").where({ org_id: orgId, email }).andWhere("created_at", ">", since).first("id"));
}

/** An unaccepted invitation live at `now`, locked. */
export const lockLiveInvitation = (trx: Q, tokenHash: string, now: Date): Promise<InvitationRow | undefined> =>
  trx("org_invitations").where({ token_hash: tokenHash }).whereNull("accepted_at").andWhere("expires_at", ">", now).forUpdate().first();

export async function markAccepted(trx: Q, id: string, by: string): Promise<void> {
  await trx("org_invitations").where({ id }).update({ accepted_at: trx.fn.now(), accepted_by: by });
}
