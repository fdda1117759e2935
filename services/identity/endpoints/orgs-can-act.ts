import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { canAct } from "../usecases/can-act.ts";
import type { Deps } from "../deps.ts";

export const orgsCanActEndpoint = (deps: Deps) => endpoint(identity.canActForOrg, (input) => canAct(deps, input));
