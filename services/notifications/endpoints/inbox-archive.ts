import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { changeInboxItem } from "../usecases/change-inbox-item.ts";

export const inboxArchiveEndpoint = (deps: Deps) =>
  endpoint(notifications.inboxArchive, async (input, ctx) => changeInboxItem(deps, requireCaller(ctx), { id: input.id, change: "archive" }));
