import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { listUsers } from "../usecases/list-users.ts";
import { adminCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const usersListEndpoint = (deps: Deps) => endpoint(identity.usersList, async (input, ctx) => (await adminCaller(deps.db, ctx), listUsers(deps, input)));
