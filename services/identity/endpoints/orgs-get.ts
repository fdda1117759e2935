import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { getOrg } from "../usecases/get-org.ts";
import type { Deps } from "../deps.ts";

export const orgsGetEndpoint = (deps: Deps) => endpoint(identity.orgsGet, (input, ctx) => getOrg(deps, ctx.principal?.sub, input));
