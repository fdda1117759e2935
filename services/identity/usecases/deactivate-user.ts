import type { Db } from "../../kit/db.ts";
import { enqueue } from "../../kit/outbox.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { adminUser, revokeSessions, type UserRow } from "../store.ts";

/** Deactivates an account: its sessions end at once and it cannot sign in or refresh. Idempotent. */
export async function deactivateUser(deps: { db: Db }, admin: UserRow, input: { userId: string }) {
  if (input.userId === admin.id) throw forbidden("you cannot deactivate yourself");
  return deps.db.transaction(async (trx) => {
    const user: UserRow | undefined = await trx("users").where({ id: input.userId }).forUpdate().first();
    if (!user) throw notFound("user");
    if (user.status === "deactivated") return adminUser(user);
    const [updated] = await trx("users").where({ id: user.id }).update({ status: "deactivated", deactivated_at: trx.fn.now() }).returning("*");
    await revokeSessions(trx, user.id);
    await enqueue(trx, identityEvents.deactivated, { userId: user.id, by: admin.id }, { source: "identity" });
    return adminUser(updated);
  });
}
