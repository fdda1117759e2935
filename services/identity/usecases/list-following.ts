import type { Db } from "../../kit/db.ts";
import { decodeCursor, isoOf, page } from "../../kit/cursor.ts";
import { followingCount, followingQuery } from "../store.ts";
import { assertFollowable } from "../follows.ts";

/** Organizations and active users a user follows, newest first, and how many. */
export async function listFollowing(deps: { db: Db }, input: { userId: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  await assertFollowable(deps.db, { kind: "user", id: input.userId });
  const q = followingQuery(deps.db, input.userId).select("f.target_kind", "f.target_id", deps.db.raw("coalesce(u.display_name, o.name) as name"), deps.db.raw(`${isoOf("f.created_at")} as at`));
  if (after) q.whereRaw("(f.created_at, f.target_id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  const [rows, total] = await Promise.all([
    q.orderBy([{ column: "f.created_at", order: "desc" }, { column: "f.target_id", order: "desc" }]).limit(limit + 1) as Promise<Array<{ target_kind: "user" | "org"; target_id: string; name: string; at: string }>>,
    followingCount(deps.db, input.userId),
  ]);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.target_id }));
  return { items: kept.map((r) => ({ target: { kind: r.target_kind, id: r.target_id }, name: r.name, followedAt: new Date(r.at).toISOString() })), nextCursor, total };
}
