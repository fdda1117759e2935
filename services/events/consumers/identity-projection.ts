/**
 * events-identity: keeps the identity projections this service reads (follows, organization
 * members, deactivated users). Other types under evt.> are acked and skipped by the kit. A
 * projection copies a fact and decides nothing, so it writes through the store without a use case.
 * WARNING: the durable name is stored in JetStream and processed_messages; renaming it is a migration.
 */
import { type ConsumerSpec, on, once } from "../../kit/consume.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";
import { projectActive, projectFollow, projectMemberAdded, projectMemberRemoved, projectUnfollow } from "../store.ts";

export const IDENTITY_CONSUMER = "events-identity";

export function identityProjectionConsumer(deps: Deps): ConsumerSpec {
  const db = deps.db;
  const c = IDENTITY_CONSUMER;
  return {
    durable: c,
    stream: "EVENTS",
    // One filter on nats-server 2.9 (no filter_subjects): user and org facts both sit under evt.
    filter: "evt.>",
    concurrency: 1, // follow then unfollow of the same pair must apply in order
    handlers: [
      on(identityEvents.followed, async (e) => void (await once(db, c, e.id, (trx) => projectFollow(trx, e.data)))),
      on(identityEvents.unfollowed, async (e) => void (await once(db, c, e.id, (trx) => projectUnfollow(trx, e.data)))),
      on(identityEvents.orgMemberAdded, async (e) => void (await once(db, c, e.id, (trx) => projectMemberAdded(trx, e.data)))),
      on(identityEvents.orgMemberRemoved, async (e) => void (await once(db, c, e.id, (trx) => projectMemberRemoved(trx, e.data)))),
      on(identityEvents.deactivated, async (e) => void (await once(db, c, e.id, (trx) => projectActive(trx, e.data.userId, false)))),
      on(identityEvents.reactivated, async (e) => void (await once(db, c, e.id, (trx) => projectActive(trx, e.data.userId, true)))),
    ],
  };
}
