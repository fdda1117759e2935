import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { removeMember } from "../usecases/remove-member.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const orgsRemoveMemberEndpoint = (deps: Deps) =>
  endpoint(identity.orgsRemoveMember, async (input, ctx) => await removeMember(deps, (await activeCaller(deps.db, ctx)).id, input));
