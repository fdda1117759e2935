import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { register } from "../usecases/register.ts";
import { done } from "./support.ts";
import type { Deps } from "../deps.ts";

export const registerEndpoint = (deps: Deps) => endpoint(identity.register, async (input) => done(deps, await register(deps, input)));
