import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import { adminUser, type UserRow } from "../store.ts";
import { lockUser, setStatus } from "../store/users.ts";
import { revokeSessions } from "../store/sessions.ts";

/** Deactivates an account: its sessions end at once and it cannot sign in or refresh. Idempotent. */
export async function deactivateUser(deps: Pick<Deps, "db" | "now">, admin: UserRow, input: { userId: string }) {
  if (input.userId === admin.id) throw forbidden("you cannot deactivate yourself");
  return deps.db.transaction(async (trx) => {
    const user = await lockUser(trx, input.userId);
    if (!user) throw notFound("user");
    if (user.status === "deactivated") return adminUser(user);
    const updated = await setStatus(trx, user.id, "deactivated");
    await revokeSessions(trx, user.id, deps.now());
    await enqueue(trx, identityEvents.deactivated, { userId: user.id, by: admin.id }, { source: "identity" });
    return adminUser(updated);
  });
}
