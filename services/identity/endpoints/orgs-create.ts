import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { createOrg } from "../usecases/create-org.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const orgsCreateEndpoint = (deps: Deps) =>
  endpoint(identity.orgsCreate, async (input, ctx) => await createOrg(deps, await activeCaller(deps.db, ctx), input));
