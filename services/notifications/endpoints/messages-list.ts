import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { listOrganizerMessages } from "../usecases/list-organizer-messages.ts";

export const messagesListEndpoint = (deps: Deps) =>
  endpoint(notifications.messagesList, (input, ctx) => listOrganizerMessages(deps, requireCaller(ctx), input));
