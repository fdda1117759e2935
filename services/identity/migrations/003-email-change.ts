import type { Migration } from "../../kit/db.ts";

/** An email change carries the new address with its token until the owner of that address follows the link. */
export const emailChange: Migration = {
  name: "102_email_change",
  async up(db) {
    await db.schema.alterTable("user_tokens", (t) => {
      t.text("payload");
    });
  },
};
