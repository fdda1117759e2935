import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const inboxUnreadCountEndpoint = (deps: Deps) => endpoint(notifications.inboxUnreadCount, async (_input, ctx) => ({ unread: await store.unreadCount(deps.db, requireCaller(ctx).sub) }));
