import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { updateProfile } from "../usecases/update-profile.ts";
import { activeCaller } from "../authz.ts";
import type { Deps } from "../deps.ts";

export const profilesUpdateEndpoint = (deps: Deps) =>
  endpoint(identity.profilesUpdate, async (input, ctx) => await updateProfile(deps, await activeCaller(deps.db, ctx), input));
