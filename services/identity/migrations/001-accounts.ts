import type { Migration } from "../../kit/db.ts";

/** Accounts, refresh-token sessions and the keys access tokens are signed with. */
export const accounts: Migration = {
  name: "100_accounts",
  async up(db) {
    await db.schema.createTable("users", (t) => {
      t.uuid("id").primary();
      // Stored lower-cased: one account per address whatever its case.
      t.text("email").notNullable().unique();
      t.text("password_hash");
      t.text("display_name").notNullable();
      t.text("locale").notNullable().defaultTo("en");
      t.text("time_zone").notNullable().defaultTo("UTC");
      t.specificType("roles", "text[]").notNullable().defaultTo("{participant}");
      t.text("status").notNullable().defaultTo("active");
      t.timestamp("email_verified_at", { useTz: true });
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    });
    await db.schema.createTable("sessions", (t) => {
      t.uuid("id").primary();
      t.uuid("user_id").notNullable().references("users.id");
      // Every refresh token descends from one login; reuse of a rotated one revokes the family.
      t.uuid("family_id").notNullable().index();
      t.text("refresh_hash").notNullable().unique();
      t.timestamp("expires_at", { useTz: true }).notNullable();
      t.timestamp("rotated_at", { useTz: true });
      t.timestamp("revoked_at", { useTz: true });
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    });
    await db.schema.createTable("signing_keys", (t) => {
      t.text("kid").primary();
      t.jsonb("private_jwk").notNullable();
      t.jsonb("public_jwk").notNullable();
      t.timestamp("created_at", { useTz: true }).notNullable().defaultTo(db.fn.now());
    });
  },
};
