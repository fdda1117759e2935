/**
 * events-identity-users: keeps the user facts this service reads (follows, deactivated users);
 * consumers/org-members-projection.ts keeps organization members. Both replace the single
 * `events-identity` on `evt.>`, which was handed every booking and payment event only to skip it —
 * 10 of a checkout's NATS messages (nats-server 2.9 has one filter per durable). Other types under
 * evt.user.> are acked and skipped by the kit. A projection copies a fact and decides nothing, so
 * it writes through the store without a use case.
 * WARNING: the durable name is stored in JetStream; renaming it is a migration. The
 * processed_messages key stays `events-identity`: a message the old durable handled is not
 * handled again.
 */
import { type ConsumerSpec, on, once } from "../../kit/consume.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";
import { projectActive, projectFollow, projectUnfollow } from "../store.ts";

export const IDENTITY_USERS_CONSUMER = "events-identity-users";
/** The durable this one and events-identity-orgs replace (deleted once both exist); their processed_messages key. */
export const IDENTITY_CONSUMER = "events-identity";

export function identityProjectionConsumer(deps: Deps): ConsumerSpec {
  const db = deps.db;
  const c = IDENTITY_CONSUMER;
  return {
    durable: IDENTITY_USERS_CONSUMER,
    replaces: IDENTITY_CONSUMER,
    stream: "EVENTS",
    filter: "evt.user.>",
    concurrency: 1, // follow then unfollow of the same pair must apply in order
    handlers: [
      on(identityEvents.followed, async (e) => void (await once(db, c, e.id, (trx) => projectFollow(trx, e.data)))),
      on(identityEvents.unfollowed, async (e) => void (await once(db, c, e.id, (trx) => projectUnfollow(trx, e.data)))),
      on(identityEvents.deactivated, async (e) => void (await once(db, c, e.id, (trx) => projectActive(trx, e.data.userId, false)))),
      on(identityEvents.reactivated, async (e) => void (await once(db, c, e.id, (trx) => projectActive(trx, e.data.userId, true)))),
    ],
  };
}
