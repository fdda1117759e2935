import type { Deps } from "../deps.ts";
import { enqueue } from "../../kit/outbox.ts";
import { forbidden, notFound } from "../../kit/errors.ts";
import { identityEvents } from "../../../subjects/identity.ts";
import type { Role } from "../../../subjects/principal.ts";
import { adminUser, sortRoles, type UserRow } from "../store.ts";
import { lockUser, setRoles as writeRoles } from "../store/users.ts";

/** Replaces a user's roles; evt.user.role_changed only when they change. New tokens carry them (access tokens live 15 minutes). */
export async function setRoles(deps: Pick<Deps, "db">, admin: UserRow, input: { userId: string; roles: Role[] }) {
  const roles = sortRoles(input.roles);
  if (input.userId === admin.id && !roles.includes("admin")) throw forbidden("you cannot remove your own admin role");
  return deps.db.transaction(async (trx) => {
    const user = await lockUser(trx, input.userId);
    if (!user) throw notFound("user");
    if (sortRoles(user.roles).join() === roles.join()) return adminUser(user);
    const updated = await writeRoles(trx, user.id, roles);
    await enqueue(trx, identityEvents.roleChanged, { userId: user.id, roles, by: admin.id }, { source: "identity" });
    return adminUser(updated);
  });
}
