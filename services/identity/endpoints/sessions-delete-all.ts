import { endpoint } from "../../kit/serve.ts";
import { identity } from "../../../subjects/identity.ts";
import { logoutAll } from "../usecases/logout-all.ts";
import { requireCaller } from "../../kit/caller.ts";
import type { Deps } from "../deps.ts";

export const sessionsDeleteAllEndpoint = (deps: Deps) => endpoint(identity.sessionsDeleteAll, (_input, ctx) => logoutAll(deps, requireCaller(ctx).sub));
