/** Small helpers the endpoints share. */
import { unauthenticated } from "../../kit/errors.ts";
import type { HandlerContext } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { activeCaller } from "../authz.ts";
import { challengeUser } from "../sessions.ts";
import type { UserRow } from "../store.ts";
import { userById } from "../store/users.ts";
import type { Deps } from "../deps.ts";

/** The signed-in caller, or the account of a totp_enrolment_required challenge (an admin who must enrol before signing in). */
export async function totpUser(deps: Deps, ctx: HandlerContext, challenge: string | undefined): Promise<UserRow> {
  if (ctx.principal) return activeCaller(deps.db, ctx);
  if (!challenge) throw unauthenticated();
  const user = await userById(deps.db, await challengeUser(deps.db, challenge, "totp_enrolment", false, deps.now()));
  if (!user) throw unauthenticated();
  return user;
}

/** The caller's row whatever its status (me shows a deactivated user their own account until the token expires). */
export async function callerAccount(deps: Deps, ctx: HandlerContext): Promise<UserRow> {
  const user = await userById(deps.db, requireCaller(ctx).sub);
  if (!user) throw unauthenticated("account not found");
  return user;
}
