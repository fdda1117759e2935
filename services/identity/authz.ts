/** Who may do what: the principal the edge forwards, checked against identity's own rows. */
import { AppError, forbidden, unauthenticated } from "../kit/errors.ts";
import type { HandlerContext } from "../kit/serve.ts";
import { requireCaller } from "../kit/caller.ts";
import type { Q, UserRow } from "./store.ts";
import { userById } from "./store/users.ts";

/**
 * The caller's row, active. Access tokens live 15 minutes: a user deactivated since theirs was
 * issued is refused here for anything that changes state.
 */
export async function activeCaller(db: Q, ctx: HandlerContext): Promise<UserRow> {
  const user = await userById(db, requireCaller(ctx).sub);
  if (!user) throw unauthenticated("account not found");
  if (user.status !== "active") throw new AppError("account_deactivated", "this account is deactivated", { status: 403 });
  return user;
}

/** Admin rights are read from the database, not the token: a demoted admin loses them at once. */
export async function adminCaller(db: Q, ctx: HandlerContext): Promise<UserRow> {
  const user = await activeCaller(db, ctx);
  if (!user.roles.includes("admin")) throw forbidden("admins only");
  return user;
}
