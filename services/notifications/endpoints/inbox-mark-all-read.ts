import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { markAllRead } from "../usecases/mark-all-read.ts";

export const inboxMarkAllReadEndpoint = (deps: Deps) => endpoint(notifications.inboxMarkAllRead, async (_input, ctx) => markAllRead(deps, requireCaller(ctx)));
