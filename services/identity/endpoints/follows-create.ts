import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { follow } from "../usecases/follow.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const followsCreateEndpoint = (deps: Deps) =>
  endpoint(identity.followsCreate, async (input, ctx) => await follow(deps, await activeCaller(deps.db, ctx), input));
