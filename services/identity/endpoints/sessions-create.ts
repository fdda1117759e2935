import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { login } from "../usecases/login.ts";
import type { Deps } from "../deps.ts";

export const sessionsCreateEndpoint = (deps: Deps) => endpoint(identity.sessionsCreate, (input) => login(deps, input));
