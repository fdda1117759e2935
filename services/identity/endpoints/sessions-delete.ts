import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { logout } from "../usecases/logout.ts";
import type { Deps } from "../deps.ts";

export const sessionsDeleteEndpoint = (deps: Deps) => endpoint(identity.sessionsDelete, (input) => logout(deps, input));
