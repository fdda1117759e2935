import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { invalidToken, useToken } from "../tokens.ts";

/** Uses up a verification token and marks the email verified (once: evt.user.email_verified). */
export async function verifyEmail(deps: { db: Db }, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const used = await useToken(trx, input.token, "verify_email");
    if (!used) throw invalidToken("verification");
    const [user] = await trx("users").where({ id: used.userId }).whereNull("email_verified_at").update({ email_verified_at: trx.fn.now() }).returning(["id", "email"]);
    if (user) await enqueue(trx, identityEvents.emailVerified, { userId: user.id, email: user.email }, { source: "identity" });
    const row = user ?? (await trx("users").where({ id: used.userId }).first("id", "email"));
    return { userId: row.id as string, email: row.email as string };
  });
}
