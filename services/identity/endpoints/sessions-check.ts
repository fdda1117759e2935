import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { sessionActive } from "../usecases/session-active.ts";
import type { Deps } from "../deps.ts";

export const sessionsCheckEndpoint = (deps: Deps) => endpoint(identity.sessionsCheck, (input) => sessionActive(deps, input));
