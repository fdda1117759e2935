import { endpoint } from "../../kit/serve.ts";
import { notFound } from "../../kit/errors.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import * as store from "../store.ts";

export const inboxMarkUnreadEndpoint = (deps: Deps) =>
  endpoint(notifications.inboxMarkUnread, async (input, ctx) => {
    if (!(await store.updateItem(deps.db, requireCaller(ctx).sub, input.id, "unread"))) throw notFound("inbox item");
    return { ok: true as const };
  });
