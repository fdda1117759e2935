import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { inviteMember } from "../usecases/invite-member.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const orgsInviteEndpoint = (deps: Deps) =>
  endpoint(identity.orgsInvite, async (input, ctx) => await inviteMember(deps, await activeCaller(deps.db, ctx), input));
