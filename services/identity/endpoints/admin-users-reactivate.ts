import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { reactivateUser } from "../usecases/reactivate-user.ts";
import { adminCaller } from "../authz.ts";
import { done } from "./support.ts";
import type { Deps } from "../deps.ts";

export const adminUsersReactivateEndpoint = (deps: Deps) => endpoint(identity.adminUsersReactivate, async (input, ctx) => done(deps, await reactivateUser(deps, await adminCaller(deps.db, ctx), input)));
