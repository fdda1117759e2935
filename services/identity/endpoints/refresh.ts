import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { refresh } from "../usecases/refresh.ts";
import type { Deps } from "../deps.ts";

export const refreshEndpoint = (deps: Deps) => endpoint(identity.refresh, (input) => refresh(deps, input));
