import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { listFollowers } from "../usecases/list-followers.ts";
import type { Deps } from "../deps.ts";

export const followsFollowersEndpoint = (deps: Deps) => endpoint(identity.followers, (input) => listFollowers(deps, input));
