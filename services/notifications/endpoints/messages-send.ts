import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { notifications } from "../../../subjects/notifications.ts";
import type { Deps } from "../deps.ts";
import { sendOrganizerMessage } from "../usecases/send-organizer-message.ts";

export const messagesSendEndpoint = (deps: Deps) => endpoint(notifications.messagesSend, (input, ctx) => sendOrganizerMessage(deps, requireCaller(ctx), input));
