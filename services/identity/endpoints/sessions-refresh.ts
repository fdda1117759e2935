import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { refresh } from "../usecases/refresh.ts";
import type { Deps } from "../deps.ts";

export const sessionsRefreshEndpoint = (deps: Deps) => endpoint(identity.sessionsRefresh, (input) => refresh(deps, input));
