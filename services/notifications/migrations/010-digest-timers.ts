import type { Migration } from "../../kit/db.ts";

/**
 * Digests moved from the scheduler's pass onto the kit's durable timers (digests.ts): every user
 * with emails already held for a digest gets the timer the new code would have planned — at the
 * earliest held email's digest time plus its 30 s grace — so nothing held before the upgrade waits
 * forever. The kit's `timers` table exists by now (kit migrations run first).
 */
export const digestTimers: Migration = {
  name: "010_digest_timers",
  async up(db) {
    await db.raw(`
      insert into timers (kind, key, due_at)
      select 'notifications.digest', user_id::text, min(not_before) + interval '30 seconds'
        from deliveries where channel = 'email' and status = 'held'
       group by user_id
      on conflict (kind, key) do nothing`);
  },
};
