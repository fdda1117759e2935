import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { listFollowing } from "../usecases/list-following.ts";
import type { Deps } from "../deps.ts";

export const followsListFollowingEndpoint = (deps: Deps) => endpoint(identity.followsListFollowing, (input) => listFollowing(deps, input));
