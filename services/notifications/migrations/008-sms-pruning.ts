import type { Migration } from "../../kit/db.ts";

/** The scheduler prunes SMS rows by age (usecases/run-scheduler.ts): an index for that delete. */
export const smsPruning: Migration = {
  name: "008_sms_pruning",
  async up(db) {
    await db.raw(`create index sms_messages_created on sms_messages (created_at)`);
  },
};
