import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { listMembers } from "../usecases/list-members.ts";
import { requireCaller } from "../../kit/caller.ts";
import type { Deps } from "../deps.ts";

export const orgsMembersEndpoint = (deps: Deps) => endpoint(identity.orgsMembers, (input, ctx) => listMembers(deps, requireCaller(ctx).sub, input));
