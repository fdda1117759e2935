import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { invalidToken, useToken } from "../tokens.ts";
import { promoteBootstrapAdmin } from "../registration.ts";
import { markEmailVerified, userById } from "../store/users.ts";

/**
 * Uses up a verification token and marks the email verified (once: evt.user.email_verified). A
 * verified bootstrap address becomes the first admin now.
 */
export async function verifyEmail(deps: Pick<Deps, "db" | "bootstrapAdminEmail" | "now">, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const used = await useToken(trx, input.token, "verify_email", deps.now());
    if (!used) throw invalidToken("verification");
    const user = await markEmailVerified(trx, used.userId);
    if (user) {
      await enqueue(trx, identityEvents.emailVerified, { userId: user.id, email: user.email }, { source: "identity" });
      await promoteBootstrapAdmin(trx, user, deps.bootstrapAdminEmail);
    }
    const row = user ?? (await userById(trx, used.userId));
    return { userId: used.userId, email: row!.email };
  });
}
