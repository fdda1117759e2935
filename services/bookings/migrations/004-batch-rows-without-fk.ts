import type { Migration } from "../../kit/db.ts";

/**
 * Order lines and tickets without a foreign key to their order. Both are only ever written by the
 * statement that writes their order (store.ts batchWrites: one INSERT of data-modifying CTEs
 * over the same batch, and the test-only naive guard in the same transaction), and orders are
 * never deleted; so the key only re-proved, per row and under the event's inventory lock, what
 * that statement already guarantees: each check an index probe and a KEY SHARE lock on the new
 * order (a WAL record), ≈ 15–18% of the batch's INSERT in EXPLAIN ANALYZE (docs/benchmarks.md,
 * session 9). services/bookings/test/bookings.test.ts checks that every ticket and line belongs
 * to an order and every order has its own.
 */
export const batchRowsWithoutFk: Migration = {
  name: "004_bookings_batch_rows_without_fk",
  async up(db) {
    await db.raw("alter table order_lines drop constraint if exists order_lines_order_id_fkey");
    await db.raw("alter table tickets drop constraint if exists tickets_order_id_fkey");
  },
  async down(db) {
    await db.raw("alter table order_lines add constraint order_lines_order_id_fkey foreign key (order_id) references orders (id)");
    await db.raw("alter table tickets add constraint tickets_order_id_fkey foreign key (order_id) references orders (id)");
  },
};
