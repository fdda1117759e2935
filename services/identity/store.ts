/** identity's queries and the mapping of its rows to replies. Only identity reads these tables. */
import type { Knex } from "knex";
import type { Role } from "../../subjects/principal.ts";

export type UserRow = {
  id: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  locale: string;
  time_zone: string;
  roles: Role[];
  status: "active" | "deactivated";
  email_verified_at: Date | null;
  created_at: Date;
  bio: string | null;
  avatar_url: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
};

export type OrgRole = "owner" | "admin" | "member";
export const ORG_RANK: Record<OrgRole, number> = { owner: 3, admin: 2, member: 1 };

/** Roles in one canonical order, so a set compares and prints the same everywhere. */
export const ROLE_ORDER: Role[] = ["admin", "organizer", "participant"];
export const sortRoles = (roles: Role[]) => ROLE_ORDER.filter((r) => roles.includes(r));

export const normalEmail = (email: string) => email.trim().toLowerCase();

export const userById = (db: Knex, id: string): Promise<UserRow | undefined> => db("users").where({ id }).first();
export const userByEmail = (db: Knex, email: string): Promise<UserRow | undefined> => db("users").where({ email: normalEmail(email) }).first();

const iso = (d: Date | string) => new Date(d).toISOString();

export function myAccount(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    timeZone: u.time_zone,
    roles: u.roles,
    emailVerified: u.email_verified_at !== null,
    createdAt: iso(u.created_at),
    bio: u.bio,
    avatarUrl: u.avatar_url,
    totpEnabled: u.totp_enabled_at !== null,
    hasPassword: u.password_hash !== null,
  };
}

export function adminUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    status: u.status,
    emailVerified: u.email_verified_at !== null,
    totpEnabled: u.totp_enabled_at !== null,
    createdAt: iso(u.created_at),
  };
}

export const summary = (u: Pick<UserRow, "id" | "email" | "display_name" | "roles">) => ({ id: u.id, email: u.email, displayName: u.display_name, roles: u.roles });

export const contact = (u: Pick<UserRow, "id" | "email" | "display_name" | "locale" | "time_zone">) => ({ userId: u.id, email: u.email, displayName: u.display_name, locale: u.locale, timeZone: u.time_zone });

/** Active users following a target. */
export async function followerCount(db: Knex, kind: "user" | "org", id: string): Promise<number> {
  const row = await db("follows as f").join("users as u", "u.id", "f.follower_id").where({ "f.target_kind": kind, "f.target_id": id, "u.status": "active" }).count<{ n: number }[]>({ n: "*" });
  return Number(row[0].n);
}

/** What a user follows: organizations, and users that are active. */
export function followingQuery(db: Knex, userId: string) {
  return db("follows as f")
    .leftJoin("users as u", function () {
      this.on("u.id", "=", "f.target_id").andOn("f.target_kind", "=", db.raw("'user'"));
    })
    .leftJoin("orgs as o", function () {
      this.on("o.id", "=", "f.target_id").andOn("f.target_kind", "=", db.raw("'org'"));
    })
    .where("f.follower_id", userId)
    .andWhere((q) => q.where("u.status", "active").orWhereNotNull("o.id"));
}

export async function followingCount(db: Knex, userId: string): Promise<number> {
  const row = await followingQuery(db, userId).count<{ n: number }[]>({ n: "*" });
  return Number(row[0].n);
}

export async function orgRole(db: Knex, orgId: string, userId: string): Promise<OrgRole | null> {
  const row = await db("org_members").where({ org_id: orgId, user_id: userId }).first("role");
  return (row?.role as OrgRole | undefined) ?? null;
}

/** Revokes every session of a user; returns how many were still usable. */
export async function revokeSessions(db: Knex, userId: string): Promise<number> {
  const open = await db("sessions").where({ user_id: userId }).whereNull("revoked_at").whereNull("rotated_at").where("expires_at", ">", new Date()).count<{ n: number }[]>({ n: "*" });
  // Rotated ones are dead already but are marked too, so a later replay finds the family revoked.
  await db("sessions").where({ user_id: userId }).whereNull("revoked_at").update({ revoked_at: db.fn.now() });
  return Number(open[0].n);
}
