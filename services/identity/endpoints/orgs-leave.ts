import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { removeMember } from "../usecases/remove-member.ts";
import { requireCaller } from "../../kit/caller.ts";
import type { Deps } from "../deps.ts";

export const orgsLeaveEndpoint = (deps: Deps) =>
  endpoint(identity.orgsLeave, async (input, ctx) => await removeMember(deps, requireCaller(ctx).sub, { orgId: input.orgId, userId: requireCaller(ctx).sub }));
