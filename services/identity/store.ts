/**
 * identity's rows and their mapping to replies. Its queries are in store/<area>.ts (users, totp,
 * sessions, tokens, orgs, follows, oidc, attempts, maintenance); only identity reads these tables.
 */
import type { Knex } from "knex";
import type { Role } from "../../subjects/principal.ts";

/** A query runs on the pool or inside a transaction: every store function takes either. */
export type Q = Knex | Knex.Transaction;

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

export const summary = (u: Pick<UserRow, "id" | "email" | "display_name" | "roles">) => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  roles: u.roles,
});

export const contact = (u: Pick<UserRow, "id" | "email" | "display_name" | "locale" | "time_zone">) => ({
  userId: u.id,
  email: u.email,
  displayName: u.display_name,
  locale: u.locale,
  timeZone: u.time_zone,
});
