import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { oidcStart } from "../usecases/oidc-start.ts";
import type { Deps } from "../deps.ts";

export const oidcStartEndpoint = (deps: Deps) => endpoint(identity.oidcStart, (input) => oidcStart(deps, input));
