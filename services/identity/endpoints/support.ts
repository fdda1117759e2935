/** Small helpers the endpoints share. */
import { unauthenticated } from "../../kit/errors.ts";
import type { HandlerContext } from "../../kit/serve.ts";
import { activeCaller, callerId } from "../authz.ts";
import { challengeUser } from "../sessions.ts";
import { userById, type UserRow } from "../store.ts";
import type { Deps } from "../deps.ts";

/** The signed-in caller, or the account of a totp_enrolment_required challenge (an admin who must enrol before signing in). */
export async function totpUser(deps: Deps, ctx: HandlerContext, challenge: string | undefined): Promise<UserRow> {
  if (ctx.principal) return activeCaller(deps.db, ctx);
  if (!challenge) throw unauthenticated();
  const user = await userById(deps.db, await challengeUser(deps.db, challenge, "totp_enrolment", false));
  if (!user) throw unauthenticated();
  return user;
}

/** The caller's row whatever its status (me shows a deactivated user their own account until the token expires). */
export async function callerAccount(deps: Deps, ctx: HandlerContext): Promise<UserRow> {
  const user = await userById(deps.db, callerId(ctx));
  if (!user) throw unauthenticated("account not found");
  return user;
}
