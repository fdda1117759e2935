import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { setPreferences } from "../usecases/set-preferences.ts";

export const preferencesSetEndpoint = (deps: Deps) => endpoint(notifications.preferencesSet, (input, ctx) => setPreferences(deps, requireCaller(ctx), input));
