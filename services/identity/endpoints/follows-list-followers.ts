import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { listFollowers } from "../usecases/list-followers.ts";
import type { Deps } from "../deps.ts";

export const followsListFollowersEndpoint = (deps: Deps) => endpoint(identity.followsListFollowers, (input) => listFollowers(deps, input));
