/**
 * Projections of identity facts, written in the consumer's `once` transaction: who follows whom
 * (the following feed and calendar feeds), organization members (private events), deactivated
 * users (their events leave lists).
 */
import type { Knex } from "knex";
import type { Static } from "@sinclair/typebox";
import type { identityEvents } from "../../../subjects/identity.ts";

type Data<K extends keyof typeof identityEvents> = Static<(typeof identityEvents)[K]["data"]>;

export async function projectFollow(trx: Knex.Transaction, d: Data<"followed">): Promise<void> {
  await trx("follows").insert({ follower_id: d.followerId, target_kind: d.target.kind, target_id: d.target.id }).onConflict(["follower_id", "target_kind", "target_id"]).ignore();
}

export async function projectUnfollow(trx: Knex.Transaction, d: Data<"unfollowed">): Promise<void> {
  await trx("follows").where({ follower_id: d.followerId, target_kind: d.target.kind, target_id: d.target.id }).delete();
}

export async function projectMemberAdded(trx: Knex.Transaction, d: Data<"orgMemberAdded">): Promise<void> {
  await trx("org_members").insert({ org_id: d.orgId, user_id: d.userId, role: d.role }).onConflict(["org_id", "user_id"]).merge(["role"]);
}

export async function projectMemberRemoved(trx: Knex.Transaction, d: Data<"orgMemberRemoved">): Promise<void> {
  await trx("org_members").where({ org_id: d.orgId, user_id: d.userId }).delete();
}

export async function projectActive(trx: Knex.Transaction, userId: string, active: boolean): Promise<void> {
  if (active) await trx("inactive_users").where({ user_id: userId }).delete();
  else await trx("inactive_users").insert({ user_id: userId }).onConflict("user_id").ignore();
}
