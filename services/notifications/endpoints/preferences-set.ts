import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const preferencesSetEndpoint = (deps: Deps) =>
  endpoint(notifications.preferencesSet, async (input, ctx) => {
    await store.savePreferences(deps.db, requireCaller(ctx).sub, input);
    return input;
  });
