/**
 * Keeps the local projections of identity facts: contact details, locale and time zone, active
 * or not, and who follows whom. Fan-outs read only these, never call identity.
 */
import type { Knex } from "knex";
import type { Envelope } from "../../../subjects/envelope.ts";
import type { DataOf } from "../../../subjects/contract.ts";
import type { identityEvents } from "../../../subjects/identity.ts";
import * as store from "../store.ts";

type E = typeof identityEvents;

export async function projectContact(trx: Knex.Transaction, e: Envelope<DataOf<E["profileUpdated"]>>): Promise<void> {
  await store.upsertContact(trx, e.data, e.occurredAt);
}

export async function projectActive(trx: Knex.Transaction, userId: string, active: boolean): Promise<void> {
  await store.setActive(trx, userId, active);
}

export async function projectFollow(trx: Knex.Transaction, e: Envelope<DataOf<E["followed"]>>): Promise<void> {
  // REVIEW: a follow and an unfollow of the same pair handled concurrently may apply out of
  // order; a per-pair version (occurredAt) column would settle it.
  await store.follow(trx, e.data.followerId, e.data.target);
}

export async function projectUnfollow(trx: Knex.Transaction, e: Envelope<DataOf<E["unfollowed"]>>): Promise<void> {
  await store.unfollow(trx, e.data.followerId, e.data.target);
}
