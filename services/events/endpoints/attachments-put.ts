import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { callerOf } from "../access.ts";
import { putAttachment } from "../usecases/put-attachment.ts";

export const attachmentsPutEndpoint = (deps: Deps) => endpoint(events.attachmentsPut, async (input, ctx) => putAttachment(deps, callerOf(ctx), input));
