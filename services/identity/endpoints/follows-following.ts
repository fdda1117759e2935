import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { listFollowing } from "../usecases/list-following.ts";
import type { Deps } from "../deps.ts";

export const followsFollowingEndpoint = (deps: Deps) => endpoint(identity.following, (input) => listFollowing(deps, input));
