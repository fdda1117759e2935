import type { Migration } from "../../kit/db.ts";

/**
 * Single-use link tokens (finding 3 of issue 14): a message keeps its link without the token and
 * the token only sealed (kit/link-seal.ts) until its email is sent or the seal expires, then
 * nothing. Links stored before this held the token in the clear: those are cut at the query.
 */
export const sealedLinks: Migration = {
  name: "007_sealed_links",
  async up(db) {
    await db.raw(`alter table messages add column sealed_token text, add column sealed_until timestamptz`);
    await db.raw(`create index messages_sealed_until on messages (sealed_until) where sealed_token is not null`);
    await db.raw(
      `update messages set link = split_part(link, '?', 1) where kind in ('verify_email', 'password_reset', 'email_change', 'org_invitation') and link like '%?%'`,
    );
  },
};
