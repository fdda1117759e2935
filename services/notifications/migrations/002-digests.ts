import type { Migration } from "../../kit/db.ts";

/**
 * The daily digest: a follower email of a user who asked for one is written as a delivery in
 * status 'held' until their digest time; the digest compiler turns a user's due held rows into
 * one digest delivery and marks them 'digested' with its id, in one transaction, so no item is
 * mailed twice or lost whatever crashes. And invitations look users up by address.
 */
export const digests: Migration = {
  name: "002_digests",
  async up(db) {
    await db.raw(`alter table deliveries add column digest_id uuid`);
    await db.raw(`create index deliveries_held on deliveries (not_before, user_id) where status = 'held'`);
    // An invitation goes to an address: is it someone we know?
    await db.raw(`create index users_email on users (lower(email))`);
  },
};
