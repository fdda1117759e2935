import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { listInbox } from "../usecases/list-inbox.ts";

export const inboxListEndpoint = (deps: Deps) => endpoint(notifications.inboxList, async (input, ctx) => listInbox(deps, requireCaller(ctx), input));
