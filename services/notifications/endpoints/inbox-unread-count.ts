import { endpoint } from "../../kit/serve.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../auth.ts";
import * as store from "../store.ts";

export const inboxUnreadCountEndpoint = (deps: Deps) => endpoint(notifications.inboxUnreadCount, async (_input, ctx) => ({ unread: await store.unreadCount(deps.db, callerOf(ctx)) }));
