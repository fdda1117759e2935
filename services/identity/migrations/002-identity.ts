import type { Migration } from "../../kit/db.ts";

/**
 * Everything after the first slice: single-use email tokens, login throttling, two-factor,
 * OpenID Connect links, profiles, organizations and follows.
 */
export const identityTables: Migration = {
  name: "101_tokens_2fa_oidc_profiles_orgs_follows",
  async up(db) {
    await db.schema.alterTable("users", (t) => {
      t.text("bio");
      t.text("avatar_url");
      // REVIEW: TOTP secrets are stored as they are; encrypting them with a key outside the
      // database (KMS) would keep a database dump from yielding working second factors.
      t.text("totp_secret");
      t.text("totp_pending_secret");
      t.timestamp("totp_enabled_at", { useTz: true });
      // The last 30-second step a code was accepted for: a code cannot be replayed within its window.
      t.bigInteger("totp_last_step");
      t.timestamp("deactivated_at", { useTz: true });
    });
    await db.raw("create index users_created on users (created_at desc, id desc)");

    // Email verification, password reset and sign-in challenges: only a SHA-256 of the token is kept.
    await db.schema.createTable("user_tokens", (t) => {
      t.text("token_hash").primary();
      t.uuid("user_id").notNullable().references("users.id");
      t.text("purpose").notNullable();
      t.timestamp("expires_at", { useTz: true }).notNullable();
      t.timestamp("used_at", { useTz: true });
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.index(["user_id", "purpose"]);
    });

    // One row per counted attempt (failed login, reset request, …) by key: acct:<email>, ip:<ip>.
    await db.schema.createTable("attempts", (t) => {
      t.text("key").notNullable();
      t.timestamp("at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.index(["key", "at"]);
    });

    await db.schema.createTable("recovery_codes", (t) => {
      t.uuid("user_id").notNullable().references("users.id");
      t.text("code_hash").notNullable();
      t.timestamp("used_at", { useTz: true });
      t.primary(["user_id", "code_hash"]);
    });

    await db.schema.createTable("oidc_states", (t) => {
      t.text("state").primary();
      t.text("provider").notNullable();
      t.text("code_verifier").notNullable();
      t.text("nonce").notNullable();
      t.timestamp("expires_at", { useTz: true }).notNullable();
      t.timestamp("used_at", { useTz: true });
    });

    await db.schema.createTable("oidc_links", (t) => {
      t.text("provider").notNullable();
      t.text("subject").notNullable();
      t.uuid("user_id").notNullable().references("users.id").index();
      t.text("email");
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.primary(["provider", "subject"]);
    });

    await db.schema.createTable("orgs", (t) => {
      t.uuid("id").primary();
      t.text("name").notNullable();
      t.text("slug").notNullable().unique();
      t.text("description");
      t.uuid("created_by").notNullable().references("users.id");
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    });
    await db.schema.createTable("org_members", (t) => {
      t.uuid("org_id").notNullable().references("orgs.id");
      t.uuid("user_id").notNullable().references("users.id").index();
      t.text("role").notNullable();
      t.timestamp("joined_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.primary(["org_id", "user_id"]);
    });
    await db.raw("alter table org_members add constraint org_members_role check (role in ('owner', 'admin', 'member'))");
    await db.schema.createTable("org_invitations", (t) => {
      t.uuid("id").primary();
      t.uuid("org_id").notNullable().references("orgs.id");
      t.text("email").notNullable();
      t.text("role").notNullable();
      t.text("token_hash").notNullable().unique();
      t.uuid("invited_by").notNullable().references("users.id");
      t.timestamp("expires_at", { useTz: true }).notNullable();
      t.timestamp("accepted_at", { useTz: true });
      t.uuid("accepted_by");
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    });

    await db.schema.createTable("follows", (t) => {
      t.uuid("follower_id").notNullable().references("users.id");
      t.text("target_kind").notNullable();
      t.uuid("target_id").notNullable();
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
      t.primary(["follower_id", "target_kind", "target_id"]);
    });
    await db.raw("alter table follows add constraint follows_kind check (target_kind in ('user', 'org'))");
    await db.raw("alter table follows add constraint follows_not_self check (not (target_kind = 'user' and target_id = follower_id))");
    // Followers of a target and what a user follows, both newest first (keyset pagination).
    await db.raw("create index follows_by_target on follows (target_kind, target_id, created_at desc, follower_id desc)");
    await db.raw("create index follows_by_follower on follows (follower_id, created_at desc, target_id desc)");
  },
};
