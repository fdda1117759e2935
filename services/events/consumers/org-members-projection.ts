/**
 * events-identity-orgs: keeps the organization members this service reads (with
 * consumers/identity-projection.ts it replaces `events-identity`, see there). Other types under
 * evt.org.> are acked and skipped by the kit.
 * WARNING: the durable name is stored in JetStream; renaming it is a migration. The
 * processed_messages key stays `events-identity`.
 */
import { type ConsumerSpec, on, once } from "../../kit/consume.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Deps } from "../deps.ts";
import { projectMemberAdded, projectMemberRemoved } from "../store.ts";
import { IDENTITY_CONSUMER } from "./identity-projection.ts";

export const IDENTITY_ORGS_CONSUMER = "events-identity-orgs";

export function orgMembersProjectionConsumer(deps: Deps): ConsumerSpec {
  const db = deps.db;
  const c = IDENTITY_CONSUMER;
  return {
    durable: IDENTITY_ORGS_CONSUMER,
    replaces: IDENTITY_CONSUMER,
    stream: "EVENTS",
    filter: "evt.org.>",
    concurrency: 1, // added then removed must apply in order
    handlers: [
      on(identityEvents.orgMemberAdded, async (e) => void (await once(db, c, e.id, (trx) => projectMemberAdded(trx, e.data)))),
      on(identityEvents.orgMemberRemoved, async (e) => void (await once(db, c, e.id, (trx) => projectMemberRemoved(trx, e.data)))),
    ],
  };
}
