import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { getAttachment } from "../usecases/get-attachment.ts";

export const attachmentsGetEndpoint = (deps: Deps) => endpoint(events.attachmentsGet, async (input, ctx) => getAttachment(deps, ctx.principal, input));
