import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const devicesRemoveEndpoint = (deps: Deps) => endpoint(notifications.devicesRemove, async (input, ctx) => ({ removed: await store.removeDevice(deps.db, requireCaller(ctx).sub, input.token) }));
