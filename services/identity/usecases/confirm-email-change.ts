import type { Db } from "../../kit/db.ts";
import { conflict } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { sha256 } from "../secrets.ts";
import { contact, type UserRow } from "../store.ts";
import { invalidToken } from "./verify-email.ts";

/**
 * Follows the link mailed to the new address: the account takes it, verified (following the
 * link proves it). Projections of contact details hear of it through evt.user.profile_updated.
 */
export async function confirmEmailChange(deps: { db: Db }, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const [used] = await trx("user_tokens")
      .where({ token_hash: sha256(input.token), purpose: "email_change" })
      .whereNull("used_at")
      .andWhere("expires_at", ">", new Date())
      .update({ used_at: trx.fn.now() })
      .returning(["user_id", "payload"]);
    if (!used?.payload) throw invalidToken("email change");
    // Someone may have signed up with the address since the link was sent.
    const taken = await trx("users").where({ email: used.payload }).whereNot({ id: used.user_id }).first("id");
    if (taken) throw conflict("another account uses this email now", [{ field: "token", message: "the address is taken" }]);
    const [user]: UserRow[] = await trx("users").where({ id: used.user_id }).update({ email: used.payload, email_verified_at: trx.fn.now() }).returning("*");
    await enqueue(trx, identityEvents.profileUpdated, contact(user), { source: "identity" });
    await enqueue(trx, identityEvents.emailVerified, { userId: user.id, email: user.email }, { source: "identity" });
    return { userId: user.id, email: user.email };
  });
}
