import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { register } from "../usecases/register.ts";
import type { Deps } from "../deps.ts";

export const registerEndpoint = (deps: Deps) => endpoint(identity.register, async (input) => await register(deps, input));
