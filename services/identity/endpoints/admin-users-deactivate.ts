import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { deactivateUser } from "../usecases/deactivate-user.ts";
import { adminCaller } from "../authz.ts";
import { done } from "./support.ts";
import type { Deps } from "../deps.ts";

export const adminUsersDeactivateEndpoint = (deps: Deps) => endpoint(identity.adminUsersDeactivate, async (input, ctx) => done(deps, await deactivateUser(deps, await adminCaller(deps.db, ctx), input)));
