import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { putAttachment } from "../usecases/put-attachment.ts";

export const attachmentsPutEndpoint = (deps: Deps) => endpoint(events.attachmentsPut, async (input, ctx) => putAttachment(deps, requireCaller(ctx), input));
