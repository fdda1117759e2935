import type { Migration } from "../../kit/db.ts";

/**
 * Projections (users, follows), what users own here (devices, preferences, suppressions) and
 * the notifications themselves: `messages` holds one row per fanned-out source event, `inbox`
 * one row per (user, source) and `deliveries` one row per (source, user, email|push). Those two
 * unique keys are what makes a notification exactly-once across redeliveries and crashes.
 */
export const schema: Migration = {
  name: "001_notifications",
  async up(db) {
    await db.raw(`
      create table users (
        user_id uuid primary key,
        email text,
        display_name text,
        locale text not null default 'en',
        time_zone text not null default 'UTC',
        active boolean not null default true,
        updated_at timestamptz not null default now()
      )`);
    // Keyed by target first: the planner and the workers read one target's followers in
    // follower-id order (batches are follower-id ranges).
    await db.raw(`
      create table follows (
        target_kind text not null,
        target_id uuid not null,
        follower_id uuid not null,
        primary key (target_kind, target_id, follower_id)
      )`);
    await db.raw(`
      create table devices (
        token text primary key,
        user_id uuid not null,
        platform text not null,
        created_at timestamptz not null default now()
      )`);
    await db.raw(`create index devices_user on devices (user_id)`);
    await db.raw(`create table preferences (user_id uuid primary key, settings jsonb not null, updated_at timestamptz not null default now())`);
    await db.raw(`create table suppressions (email text primary key, reason text not null, created_at timestamptz not null default now())`);
    await db.raw(`
      create table messages (
        source_id uuid primary key,
        kind text not null,
        params jsonb not null,
        link text not null,
        batches integer not null,
        created_at timestamptz not null default now()
      )`);
    // The fan-out plan of a source event: follower-id ranges, stored so a replan after a crash
    // publishes the very same batches (same job ids) even if follows changed meanwhile.
    await db.raw(`
      create table fanout_batches (
        source_id uuid not null,
        batch_no integer not null,
        after_id uuid,
        up_to_id uuid not null,
        primary key (source_id, batch_no)
      )`);
    await db.raw(`
      create table inbox (
        id bigint generated always as identity,
        user_id uuid not null,
        source_id uuid not null,
        kind text not null,
        created_at timestamptz not null default now(),
        read_at timestamptz,
        archived_at timestamptz
      )`);
    await db.raw(`create unique index inbox_once on inbox (user_id, source_id)`);
    await db.raw(`create index inbox_by_user on inbox (user_id, id)`);
    await db.raw(`
      create table deliveries (
        source_id uuid not null,
        user_id uuid not null,
        channel text not null,
        status text not null default 'pending',
        address text,
        attempts integer not null default 0,
        not_before timestamptz not null default now(),
        lease_until timestamptz,
        retry_tokens text[],
        last_error text,
        sent_at timestamptz,
        primary key (source_id, user_id, channel)
      )`);
    await db.raw(`create index deliveries_due on deliveries (not_before) where status = 'pending'`);
  },
};
