import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { setRoles } from "../usecases/set-roles.ts";
import { adminCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const usersSetRolesEndpoint = (deps: Deps) =>
  endpoint(identity.usersSetRoles, async (input, ctx) => await setRoles(deps, await adminCaller(deps.db, ctx), input));
