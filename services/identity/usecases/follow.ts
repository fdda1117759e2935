import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { badRequest } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { UserRow } from "../store.ts";
import { assertFollowable, type Target } from "../follows.ts";

/** Follows a user or an organization. Following again is a no-op that emits nothing; nobody follows themselves. */
export async function follow(deps: { db: Db }, user: UserRow, input: { target: Target }) {
  const { target } = input;
  if (target.kind === "user" && target.id === user.id) throw badRequest("you cannot follow yourself", [{ field: "target.id", message: "is you" }]);
  await assertFollowable(deps.db, target);
  return deps.db.transaction(async (trx) => {
    const [row] = await trx("follows").insert({ follower_id: user.id, target_kind: target.kind, target_id: target.id }).onConflict(["follower_id", "target_kind", "target_id"]).ignore().returning("created_at");
    if (row) await enqueue(trx, identityEvents.followed, { followerId: user.id, target, followedAt: new Date(row.created_at).toISOString() }, { source: "identity" });
    return { target, created: Boolean(row) };
  });
}
