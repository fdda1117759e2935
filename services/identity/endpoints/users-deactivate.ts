import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { deactivateUser } from "../usecases/deactivate-user.ts";
import { adminCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const usersDeactivateEndpoint = (deps: Deps) =>
  endpoint(identity.usersDeactivate, async (input, ctx) => await deactivateUser(deps, await adminCaller(deps.db, ctx), input));
