import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { removeMember } from "../usecases/remove-member.ts";
import { callerId } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const orgsLeaveEndpoint = (deps: Deps) => endpoint(identity.orgsLeave, async (input, ctx) => await removeMember(deps, callerId(ctx), { orgId: input.orgId, userId: callerId(ctx) }));
