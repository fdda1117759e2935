import type { Migration } from "../../kit/db.ts";

/**
 * Messages an event's organizers write to its attendees: the message (with its audience as asked,
 * for the list and the per-event rate limit) and its recipients, as bookings named them when it
 * was sent — the deliver batches read their slices from there, so a redelivered batch reaches the
 * very same people whatever bookings says later.
 */
export const organizerMessages: Migration = {
  name: "009_organizer_messages",
  async up(db) {
    await db.raw(`
      create table organizer_messages (
        id uuid primary key,
        event_id uuid not null,
        sender_id uuid not null,
        audience jsonb not null,
        subject text not null,
        body text not null,
        recipients integer not null,
        sent_at timestamptz not null default now()
      )`);
    await db.raw(`create index organizer_messages_by_event on organizer_messages (event_id, sent_at desc, id desc)`);
    await db.raw(`create table message_recipients (source_id uuid not null, user_id uuid not null, primary key (source_id, user_id))`);
  },
};
