import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { invalidToken, useToken } from "../tokens.ts";
import { promoteBootstrapAdmin } from "../registration.ts";

/**
 * Uses up a verification token and marks the email verified (once: evt.user.email_verified). A
 * verified bootstrap address becomes the first admin now.
 */
export async function verifyEmail(deps: { db: Db; bootstrapAdminEmail?: string }, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const used = await useToken(trx, input.token, "verify_email");
    if (!used) throw invalidToken("verification");
    const [user] = await trx("users").where({ id: used.userId }).whereNull("email_verified_at").update({ email_verified_at: trx.fn.now() }).returning(["id", "email", "roles"]);
    if (user) {
      await enqueue(trx, identityEvents.emailVerified, { userId: user.id, email: user.email }, { source: "identity" });
      await promoteBootstrapAdmin(trx, user, deps.bootstrapAdminEmail);
    }
    const row = user ?? (await trx("users").where({ id: used.userId }).first("id", "email"));
    return { userId: row.id as string, email: row.email as string };
  });
}
