import type { Migration } from "../../kit/db.ts";

/**
 * What notifications must know of the events people attend: a projection of event facts (every
 * visibility: attendees of a private event are told too) and one of confirmed bookings. Reminders
 * are kit timers (kit/timers.ts) keyed by (order, offset), planned and dropped in the same
 * transaction as these rows change.
 */
export const attendees: Migration = {
  name: "004_attendees",
  async up(db) {
    await db.raw(`
      create table events (
        event_id uuid primary key,
        organizer_id uuid not null,
        title text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        time_zone text not null,
        venue jsonb,
        online_url text,
        status text not null,
        visibility text not null,
        sequence integer not null,
        updated_at timestamptz not null default now()
      )`);
    // One row per order; occurred_at orders facts of one order that arrive out of order.
    await db.raw(`
      create table attendances (
        order_id uuid primary key,
        event_id uuid not null,
        user_id uuid not null,
        status text not null,
        reason text,
        seats integer not null,
        occurred_at timestamptz not null
      )`);
    // A fan-out plan has follower batches and attendee batches.
    await db.raw(`alter table fanout_batches add column audience text not null default 'followers'`);
    await db.raw(`create index attendances_by_event on attendances (event_id, user_id) where status in ('confirmed', 'partially_refunded')`);
  },
};
