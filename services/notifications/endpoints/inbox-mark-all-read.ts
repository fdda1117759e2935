import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const inboxMarkAllReadEndpoint = (deps: Deps) => endpoint(notifications.inboxMarkAllRead, async (_input, ctx) => ({ updated: await store.markAllRead(deps.db, requireCaller(ctx).sub) }));
