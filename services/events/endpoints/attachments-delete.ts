import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { removeAttachment } from "../usecases/remove-attachment.ts";

export const attachmentsDeleteEndpoint = (deps: Deps) =>
  endpoint(events.attachmentsDelete, async (input, ctx) => {
    await removeAttachment(deps, requireCaller(ctx), input);
    return { deleted: true as const };
  });
