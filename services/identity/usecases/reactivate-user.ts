import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { adminUser, type UserRow } from "../store.ts";
import { lockUser, setStatus } from "../store/users.ts";

/** Reactivates a deactivated account (it signs in again with its old password). Idempotent. */
export async function reactivateUser(deps: Pick<Deps, "db">, admin: UserRow, input: { userId: string }) {
  return deps.db.transaction(async (trx) => {
    const user = await lockUser(trx, input.userId);
    if (!user) throw notFound("user");
    if (user.status === "active") return adminUser(user);
    const updated = await setStatus(trx, user.id, "active");
    await enqueue(trx, identityEvents.reactivated, { userId: user.id, by: admin.id }, { source: "identity" });
    return adminUser(updated);
  });
}
