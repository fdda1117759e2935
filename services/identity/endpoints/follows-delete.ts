import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { unfollow } from "../usecases/unfollow.ts";
import { requireCaller } from "../../kit/caller.ts";
import type { Deps } from "../deps.ts";

export const followsDeleteEndpoint = (deps: Deps) =>
  endpoint(identity.followsDelete, async (input, ctx) => await unfollow(deps, requireCaller(ctx).sub, input));
