import type { Migration } from "../../kit/db.ts";

/**
 * Holds and waitlist offers moved from a polling sweep to the kit's timers
 * (usecases/expiry-timers.ts): plan a timer for every hold and offer still open, or they would
 * never end.
 */
export const expiryTimers: Migration = {
  name: "002_bookings_expiry_timers",
  async up(db) {
    await db.raw(`
      insert into timers (kind, key, due_at)
      select 'bookings.hold', id::text, reserved_until from orders
       where status in ('reserved', 'awaiting_payment') and reserved_until is not null
      union all
      select 'bookings.offer', id::text, offer_expires_at from waitlist
       where status = 'offered' and offer_expires_at is not null
      on conflict (kind, key) do nothing`);
  },
};
