import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { countUnread } from "../usecases/count-unread.ts";

export const inboxUnreadCountEndpoint = (deps: Deps) => endpoint(notifications.inboxUnreadCount, async (_input, ctx) => countUnread(deps, requireCaller(ctx)));
