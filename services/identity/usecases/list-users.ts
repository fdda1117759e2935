import type { Db } from "../../kit/db.ts";
import type { Role } from "../../../subjects/principal.ts";
import { decodeCursor, isoOf, page } from "../../kit/cursor.ts";
import { adminUser, type UserRow } from "../store.ts";

/** Accounts newest first, searched by email or name, filtered by role and status (keyset pages). */
export async function listUsers(deps: { db: Db }, input: { query?: string; role?: Role; status?: "active" | "deactivated"; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  const q = deps.db("users").select("*", deps.db.raw(`${isoOf("created_at")} as at`));
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.where((w) => w.whereILike("email", like).orWhereILike("display_name", like));
  }
  if (input.role) q.whereRaw("? = any(roles)", [input.role]);
  if (input.status) q.where({ status: input.status });
  if (after) q.whereRaw("(created_at, id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  const rows: Array<UserRow & { at: string }> = await q.orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(limit + 1);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.id }));
  return { items: kept.map(adminUser), nextCursor };
}
