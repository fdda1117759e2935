/** identity's queries on accounts (users): who signs in, with which password, roles and status. */
import type { Role } from "../../../subjects/principal.ts";
import { isoOf, type Position } from "../../kit/cursor.ts";
import { normalEmail, type Q, type UserRow } from "../store.ts";

export const userById = (q: Q, id: string): Promise<UserRow | undefined> => q("users").where({ id }).first();
export const userByEmail = (q: Q, email: string): Promise<UserRow | undefined> => q("users").where({ email: normalEmail(email) }).first();
/** The account, locked until the transaction ends (admin changes of roles and status). */
export const lockUser = (trx: Q, id: string): Promise<UserRow | undefined> => trx("users").where({ id }).forUpdate().first();
export const lockUserByEmail = (trx: Q, email: string): Promise<UserRow | undefined> => trx("users").where({ email }).forUpdate().first();

/** Inserts an account unless its email is taken; whether it was inserted. */
export async function insertUser(
  trx: Q,
  row: { id: string; email: string; password_hash: string; display_name: string; locale: string; time_zone: string; roles: Role[] },
): Promise<boolean> {
  const inserted = await trx("users").insert(row).onConflict("email").ignore().returning("id");
  return inserted.length > 0;
}

/** An account made by a provider sign-in (no password; verified when the provider vouches). */
export async function insertProviderUser(trx: Q, row: { id: string; email: string; display_name: string; roles: Role[]; verified: boolean }): Promise<UserRow> {
  const [created]: UserRow[] = await trx("users")
    .insert({
      id: row.id,
      email: row.email,
      password_hash: null,
      display_name: row.display_name,
      roles: row.roles,
      email_verified_at: row.verified ? trx.fn.now() : null,
    })
    .returning("*");
  return created;
}

export async function setPasswordHash(q: Q, id: string, hash: string): Promise<void> {
  await q("users").where({ id }).update({ password_hash: hash });
}

/** A stronger hash of the same password, unless the password changed meanwhile. */
export async function replacePasswordHash(q: Q, id: string, was: string, hash: string): Promise<void> {
  await q("users").where({ id, password_hash: was }).update({ password_hash: hash });
}

/** Marks the address verified, once: the account when this call did it, else undefined. */
export async function markEmailVerified(trx: Q, id: string): Promise<{ id: string; email: string; roles: Role[] } | undefined> {
  const [user] = await trx("users").where({ id }).whereNull("email_verified_at").update({ email_verified_at: trx.fn.now() }).returning([
    "id",
    "email",
    "roles",
  ]);
  return user;
}

/** A provider vouched for an address nobody proved: verified now, and the unproven password dropped. */
export async function verifyDroppingPassword(trx: Q, id: string): Promise<void> {
  await trx("users").where({ id }).update({ email_verified_at: trx.fn.now(), password_hash: null });
}

/** Whether another account than `id` holds `email`. */
export async function emailHeldByOther(trx: Q, email: string, id: string): Promise<boolean> {
  return Boolean(await trx("users").where({ email }).whereNot({ id }).first("id"));
}

/** Moves an active account to a new, verified address (the unique index refuses a taken one: 23505). */
export async function moveEmail(trx: Q, id: string, email: string): Promise<UserRow | undefined> {
  const [user]: UserRow[] = await trx("users").where({ id, status: "active" }).update({ email, email_verified_at: trx.fn.now() }).returning("*");
  return user;
}

export async function setStatus(trx: Q, id: string, status: UserRow["status"]): Promise<UserRow> {
  const [updated]: UserRow[] = await trx("users").where({ id }).update({ status, deactivated_at: status === "deactivated" ? trx.fn.now() : null }).returning(
    "*",
  );
  return updated;
}

export async function setRoles(trx: Q, id: string, roles: Role[]): Promise<UserRow> {
  const [updated]: UserRow[] = await trx("users").where({ id }).update({ roles }).returning("*");
  return updated;
}

/** Profile columns (display_name, bio, avatar_url, locale, time_zone); the row after. */
export async function updateProfile(trx: Q, id: string, patch: Record<string, unknown>): Promise<UserRow> {
  const [after]: UserRow[] = await trx("users").where({ id }).update(patch).returning("*");
  return after;
}

/**
 * Whether an admin exists, taking the bootstrap lock first: two verifications racing for the
 * first admin take turns.
 */
export async function adminExistsLocked(trx: Q): Promise<boolean> {
  await trx.raw("select pg_advisory_xact_lock(hashtext('identity:bootstrap-admin'))");
  return Boolean(await trx("users").whereRaw("'admin' = any(roles)").first("id"));
}

/** Accounts newest first, searched by email or name, filtered by role and status (keyset page of limit + 1). */
export function usersPage(
  q: Q,
  input: { query?: string; role?: Role; status?: UserRow["status"]; after?: Position; limit: number },
): Promise<Array<UserRow & { at: string }>> {
  const sql = q("users").select("*", q.raw(`${isoOf("created_at")} as at`));
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    sql.where((w) => w.whereILike("email", like).orWhereILike("display_name", like));
  }
  if (input.role) sql.whereRaw("? = any(roles)", [input.role]);
  if (input.status) sql.where({ status: input.status });
  if (input.after) sql.whereRaw("(created_at, id) < (?::timestamptz, ?::uuid)", [input.after.at, input.after.id]);
  return sql.orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(input.limit + 1);
}
