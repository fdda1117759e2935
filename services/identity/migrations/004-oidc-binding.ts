import type { Migration } from "../../kit/db.ts";

/** A sign-in's state is bound to the client that started it: the hash of a secret only that client holds. */
export const oidcBinding: Migration = {
  name: "103_oidc_binding",
  async up(db) {
    await db.schema.alterTable("oidc_states", (t) => {
      t.text("verifier_hash");
    });
  },
};
