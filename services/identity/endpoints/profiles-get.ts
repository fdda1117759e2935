import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { getProfile } from "../usecases/get-profile.ts";
import type { Deps } from "../deps.ts";

export const profilesGetEndpoint = (deps: Deps) => endpoint(identity.profilesGet, (input) => getProfile(deps, input));
