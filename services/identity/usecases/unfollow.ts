import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";

/** Stops following; evt.user.unfollowed only when a follow existed. */
export async function unfollow(deps: { db: Db }, followerId: string, input: { target: { kind: "user" | "org"; id: string } }) {
  const { target } = input;
  return deps.db.transaction(async (trx) => {
    const removed = await trx("follows").where({ follower_id: followerId, target_kind: target.kind, target_id: target.id }).delete();
    if (removed) await enqueue(trx, identityEvents.unfollowed, { followerId, target }, { source: "identity" });
    return { target, removed: removed > 0 };
  });
}
