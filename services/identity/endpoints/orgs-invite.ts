import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { inviteMember } from "../usecases/invite-member.ts";
import { activeCaller } from "../authz.ts";
import { done } from "./support.ts";
import type { Deps } from "../deps.ts";

export const orgsInviteEndpoint = (deps: Deps) => endpoint(identity.orgsInvite, async (input, ctx) => done(deps, await inviteMember(deps, await activeCaller(deps.db, ctx), input)));
