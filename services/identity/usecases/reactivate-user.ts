import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { adminUser, type UserRow } from "../store.ts";

/** Reactivates a deactivated account (it signs in again with its old password). Idempotent. */
export async function reactivateUser(deps: { db: Db }, admin: UserRow, input: { userId: string }) {
  return deps.db.transaction(async (trx) => {
    const user: UserRow | undefined = await trx("users").where({ id: input.userId }).forUpdate().first();
    if (!user) throw notFound("user");
    if (user.status === "active") return adminUser(user);
    const [updated] = await trx("users").where({ id: user.id }).update({ status: "active", deactivated_at: null }).returning("*");
    await enqueue(trx, identityEvents.reactivated, { userId: user.id, by: admin.id }, { source: "identity" });
    return adminUser(updated);
  });
}
