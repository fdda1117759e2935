import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { register } from "../usecases/register.ts";
import type { Deps } from "../deps.ts";

export const accountsRegisterEndpoint = (deps: Deps) => endpoint(identity.accountsRegister, async (input) => await register(deps, input));
