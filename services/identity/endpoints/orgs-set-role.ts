import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { setMemberRole } from "../usecases/set-member-role.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const orgsSetRoleEndpoint = (deps: Deps) =>
  endpoint(identity.orgsSetRole, async (input, ctx) => await setMemberRole(deps, (await activeCaller(deps.db, ctx)).id, input));
