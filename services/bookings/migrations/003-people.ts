import type { Migration } from "../../kit/db.ts";

/**
 * People's display names, projected from identity's user events (consumers/users-projection.ts):
 * a ticket booked without attendee names carries the booker's name, and asking identity once per
 * booking was a NATS round trip and a query per seat sold in a flash sale.
 */
export const people: Migration = {
  name: "003_bookings_people",
  async up(db) {
    await db.schema.createTable("people", (t) => {
      t.uuid("user_id").primary();
      t.text("display_name").notNullable();
      // The occurredAt of the fact the name came from: an older fact redelivered never overwrites it.
      t.timestamp("as_of", { useTz: true }).notNullable();
    });
  },
};
