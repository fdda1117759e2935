import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const preferencesGetEndpoint = (deps: Deps) => endpoint(notifications.preferencesGet, async (_input, ctx) => store.preferencesOf(deps.db, requireCaller(ctx).sub));
