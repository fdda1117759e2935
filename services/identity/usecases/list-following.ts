import type { Deps } from "../deps.ts";
import { decodeCursor, page } from "../../kit/cursor.ts";
import { followingCount, followingPage } from "../store/follows.ts";
import { assertFollowable } from "../follows.ts";

/** Organizations and active users a user follows, newest first, and how many. */
export async function listFollowing(deps: Pick<Deps, "db">, input: { userId: string; cursor?: string; limit?: number }) {
  const limit = input.limit ?? 20;
  const after = decodeCursor(input.cursor);
  await assertFollowable(deps.db, { kind: "user", id: input.userId });
  const [rows, total] = await Promise.all([followingPage(deps.db, input.userId, after, limit), followingCount(deps.db, input.userId)]);
  const { rows: kept, nextCursor } = page(rows, limit, (r) => ({ at: r.at, id: r.target_id }));
  return {
    items: kept.map((r) => ({ target: { kind: r.target_kind, id: r.target_id }, name: r.name, followedAt: new Date(r.at).toISOString() })),
    nextCursor,
    total,
  };
}
