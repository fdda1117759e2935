import { endpoint } from "../../kit/serve.ts";
import { events } from "../../../subjects/events.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { changeStatus } from "../usecases/change-status.ts";
import { viewOf } from "../event-reply.ts";

export const eventsCancelEndpoint = (deps: Deps) =>
  endpoint(
    events.cancel,
    async (input, ctx) => viewOf(deps, await changeStatus(deps, requireCaller(ctx), input.eventId, { to: "cancelled", reason: input.reason }), true),
  );
