import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { canEdit } from "../access.ts";
import { changeStatus } from "../usecases/change-status.ts";
import { viewOf } from "../event-reply.ts";

export const eventsUnpublishEndpoint = (deps: Deps) =>
  endpoint(events.unpublish, async (input, ctx) => {
    const principal = requireCaller(ctx);
    const row = await changeStatus(deps, principal, input.eventId, { to: "draft", reason: input.reason });
    return viewOf(deps, row, await canEdit(deps, row, principal));
  });
