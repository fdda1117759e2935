import type { Migration } from "../../kit/db.ts";

/**
 * The newest iCalendar SEQUENCE followers were told of, per event. The planner handles EVENTS
 * facts concurrently and a redelivery can come late, so a change can arrive after a newer one
 * (even after the cancellation): telling it then would announce a stale time or place.
 */
export const eventVersions: Migration = {
  name: "003_event_versions",
  async up(db) {
    await db.raw(`create table event_versions (event_id uuid primary key, sequence integer not null, updated_at timestamptz not null default now())`);
  },
};
