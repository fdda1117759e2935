import type { Migration } from "../../kit/db.ts";

/**
 * Browser sessions: the cookie carries only a random id; its SHA-256 keys the row, which holds the
 * edge's tokens (never sent to the browser). `refreshing` rows are locked FOR UPDATE while one
 * request rotates the refresh token, so two tabs never present the same one twice (a reuse
 * revokes the whole session family).
 */
export const sessions: Migration = {
  name: "001_sessions",
  async up(db) {
    await db.raw(`create table sessions (
      id text primary key,
      user_id uuid not null,
      display_name text not null,
      roles jsonb not null,
      access_token text not null,
      refresh_token text not null,
      access_expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`);
    await db.raw(`create index sessions_expires_at on sessions (expires_at)`);
  },
};
