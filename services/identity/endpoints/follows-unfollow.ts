import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { unfollow } from "../usecases/unfollow.ts";
import { callerId } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const followsUnfollowEndpoint = (deps: Deps) => endpoint(identity.unfollow, async (input, ctx) => await unfollow(deps, callerId(ctx), input));
