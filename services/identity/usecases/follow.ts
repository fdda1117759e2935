import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { badRequest } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { UserRow } from "../store.ts";
import { insertFollow } from "../store/follows.ts";
import { assertFollowable, type Target } from "../follows.ts";

/** Follows a user or an organization. Following again is a no-op that emits nothing; nobody follows themselves. */
export async function follow(deps: Pick<Deps, "db">, user: UserRow, input: { target: Target }) {
  const { target } = input;
  if (target.kind === "user" && target.id === user.id) throw badRequest("you cannot follow yourself", [{ field: "target.id", message: "is you" }]);
  await assertFollowable(deps.db, target);
  return deps.db.transaction(async (trx) => {
    const followedAt = await insertFollow(trx, user.id, target);
    if (followedAt) await enqueue(trx, identityEvents.followed, { followerId: user.id, target, followedAt: followedAt.toISOString() }, { source: "identity" });
    return { target, created: Boolean(followedAt) };
  });
}
