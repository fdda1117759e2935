import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { getPreferences } from "../usecases/get-preferences.ts";

export const preferencesGetEndpoint = (deps: Deps) => endpoint(notifications.preferencesGet, async (_input, ctx) => getPreferences(deps, requireCaller(ctx)));
