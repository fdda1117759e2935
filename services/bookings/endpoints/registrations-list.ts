import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { registrations } from "../usecases/read-orders.ts";

export const registrationsListEndpoint = (deps: Deps) =>
  endpoint(
    bookings.registrations,
    async (
      input,
      ctx,
    ) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)),
      registrations(deps, input.eventId, { status: input.status, q: input.q, cursor: input.cursor, limit: input.limit ?? 50 })),
  );
