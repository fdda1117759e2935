import type { Deps } from "../deps.ts";
import { AppError, conflict } from "../../kit/errors.ts";
import { enqueue } from "../../kit/outbox.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { invalidToken, useToken } from "../tokens.ts";
import { retireTokens } from "../store/tokens.ts";
import { emailHeldByOther, moveEmail } from "../store/users.ts";
import { contact, type UserRow } from "../store.ts";
import { promoteBootstrapAdmin } from "../registration.ts";

/**
 * Follows the link mailed to the new address: the account takes it, verified (following the
 * link proves it). Projections of contact details hear of it through evt.user.profile_updated.
 */
export async function confirmEmailChange(deps: Pick<Deps, "db" | "bootstrapAdminEmail" | "now">, input: { token: string }) {
  return deps.db.transaction(async (trx) => {
    const used = await useToken(trx, input.token, "email_change", deps.now());
    if (!used?.payload) throw invalidToken("email change");
    const taken = () => conflict("another account uses this email now", [{ field: "token", message: "the address is taken" }]);
    // Someone may have signed up with the address since the link was sent.
    if (await emailHeldByOther(trx, used.payload, used.userId)) throw taken();
    let user: UserRow | undefined;
    try {
      user = await moveEmail(trx, used.userId, used.payload);
    } catch (err) {
      // Or in the instant between that check and this update: the unique index says so.
      if ((err as { code?: string }).code === "23505") throw taken();
      throw err;
    }
    if (!user) throw new AppError("account_deactivated", "this account is deactivated", { status: 403 });
    // Links already mailed to the old address stop working: it no longer speaks for the account.
    await retireTokens(trx, user.id, ["password_reset", "verify_email"]);
    await enqueue(trx, identityEvents.profileUpdated, contact(user), { source: "identity" });
    await enqueue(trx, identityEvents.emailVerified, { userId: user.id, email: user.email }, { source: "identity" });
    await promoteBootstrapAdmin(trx, user, deps.bootstrapAdminEmail);
    return { userId: user.id, email: user.email };
  });
}
