import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { AppError } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { sha256 } from "../secrets.ts";

export const invalidToken = (what: string) => new AppError("invalid_token", `the ${what} link is unknown, used or expired`, { status: 400 });

/** Uses up a verification token and marks the email verified (once: evt.user.email_verified). */
export async function verifyEmail(deps: { db: Db }, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const [used] = await trx("user_tokens")
      .where({ token_hash: sha256(input.token), purpose: "verify_email" })
      .whereNull("used_at")
      .andWhere("expires_at", ">", new Date())
      .update({ used_at: trx.fn.now() })
      .returning("user_id");
    if (!used) throw invalidToken("verification");
    const [user] = await trx("users").where({ id: used.user_id }).whereNull("email_verified_at").update({ email_verified_at: trx.fn.now() }).returning(["id", "email"]);
    if (user) await enqueue(trx, identityEvents.emailVerified, { userId: user.id, email: user.email }, { source: "identity" });
    const row = user ?? (await trx("users").where({ id: used.user_id }).first("id", "email"));
    return { userId: row.id as string, email: row.email as string };
  });
}
