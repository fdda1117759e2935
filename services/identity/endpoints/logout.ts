import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { logout } from "../usecases/logout.ts";
import type { Deps } from "../deps.ts";

export const logoutEndpoint = (deps: Deps) => endpoint(identity.logout, (input) => logout(deps, input));
