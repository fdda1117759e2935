import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { oidcCallback } from "../usecases/oidc-callback.ts";
import type { Deps } from "../deps.ts";

export const oidcCallbackEndpoint = (deps: Deps) => endpoint(identity.oidcCallback, async (input) => await oidcCallback(deps, input));
