import type { Db } from "../../kit/db.ts";
import { decodeCursor, isoOf, page } from "../../kit/cursor.ts";
import { followerCount } from "../store.ts";
import { assertFollowable } from "../follows.ts";

/** Active followers of a user or an organization, newest first, and how many there are. */
export async function listFollowers(deps: { db: Db }, input: { target: { kind: "user" | "org"; id: string }; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  await assertFollowable(deps.db, input.target);
  const q = deps.db("follows as f")
    .join("users as u", "u.id", "f.follower_id")
    .where({ "f.target_kind": input.target.kind, "f.target_id": input.target.id, "u.status": "active" })
    .select("f.follower_id", "u.display_name", "u.avatar_url", deps.db.raw(`${isoOf("f.created_at")} as at`));
  if (after) q.whereRaw("(f.created_at, f.follower_id) < (?::timestamptz, ?::uuid)", [after.at, after.id]);
  const [rows, total] = await Promise.all([
    q.orderBy([{ column: "f.created_at", order: "desc" }, { column: "f.follower_id", order: "desc" }]).limit(limit + 1) as Promise<Array<{ follower_id: string; display_name: string; avatar_url: string | null; at: string }>>,
    followerCount(deps.db, input.target.kind, input.target.id),
  ]);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.follower_id }));
  return { items: kept.map((r) => ({ userId: r.follower_id, displayName: r.display_name, avatarUrl: r.avatar_url, followedAt: new Date(r.at).toISOString() })), nextCursor, total };
}
