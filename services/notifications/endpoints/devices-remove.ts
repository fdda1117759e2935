import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../auth.ts";
import * as store from "../store.ts";

export const devicesRemoveEndpoint = (deps: Deps) => endpoint(notifications.devicesRemove, async (input, ctx) => ({ removed: await store.removeDevice(deps.db, callerOf(ctx), input.token) }));
