import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { deleteFollow, type Target } from "../store/follows.ts";

/** Stops following; evt.user.unfollowed only when a follow existed. */
export async function unfollow(deps: Pick<Deps, "db">, followerId: string, input: { target: Target }) {
  const { target } = input;
  return deps.db.transaction(async (trx) => {
    const removed = await deleteFollow(trx, followerId, target);
    if (removed) await enqueue(trx, identityEvents.unfollowed, { followerId, target }, { source: "identity" });
    return { target, removed };
  });
}
