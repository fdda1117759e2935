import type { Deps } from "../deps.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import { followerCount, followersPage, type Target } from "../store/follows.ts";
import { assertFollowable } from "../follows.ts";

/** Active followers of a user or an organization, newest first, and how many there are. */
export async function listFollowers(deps: Pick<Deps, "db">, input: { target: Target; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  await assertFollowable(deps.db, input.target);
  const [rows, total] = await Promise.all([followersPage(deps.db, input.target, after, limit), followerCount(deps.db, input.target.kind, input.target.id)]);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.follower_id }));
  return {
    items: kept.map((r) => ({ userId: r.follower_id, displayName: r.display_name, avatarUrl: r.avatar_url, followedAt: new Date(r.at).toISOString() })),
    nextCursor,
    total,
  };
}
