import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { reactivateUser } from "../usecases/reactivate-user.ts";
import { adminCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const usersReactivateEndpoint = (deps: Deps) =>
  endpoint(identity.usersReactivate, async (input, ctx) => await reactivateUser(deps, await adminCaller(deps.db, ctx), input));
