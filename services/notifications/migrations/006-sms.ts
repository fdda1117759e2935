import type { Migration } from "../../kit/db.ts";

/**
 * SMS: each user's phone (the verified number SMS go to, whether it is suppressed, and a number
 * waiting for its one-time code, kept as an HMAC), and every SMS handed to the provider (codes and
 * notices): its provider id for delivery receipts, its status, and the per-number rate limit,
 * which counts rows by (number, created_at).
 */
export const sms: Migration = {
  name: "006_sms",
  async up(db) {
    await db.raw(`
      create table phones (
        user_id uuid primary key,
        number text,
        verified_at timestamptz,
        suppressed_at timestamptz,
        suppressed_reason text,
        pending_number text,
        code_hash text,
        code_expires_at timestamptz,
        code_attempts integer not null default 0,
        updated_at timestamptz not null default now()
      )`);
    await db.raw(`create index phones_number on phones (number)`);
    await db.raw(`
      create table sms_messages (
        id uuid primary key,
        number text not null,
        user_id uuid not null,
        purpose text not null,
        source_id uuid,
        sid text unique,
        status text not null,
        error_code text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await db.raw(`create index sms_messages_by_number on sms_messages (number, created_at)`);
    await db.raw(`create index sms_messages_by_user on sms_messages (user_id, purpose, created_at)`);
  },
};
