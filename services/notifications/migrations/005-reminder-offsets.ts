import type { Migration } from "../../kit/db.ts";

/** Reminder offsets an event's organizer chose (seconds before the start); null = NOTIFY_REMINDER_OFFSETS. */
export const reminderOffsets: Migration = {
  name: "005_reminder_offsets",
  async up(db) {
    await db.raw(`alter table events add column reminder_offsets integer[]`);
  },
};
