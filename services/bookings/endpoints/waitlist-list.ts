import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { listWaitlist } from "../usecases/waitlist.ts";

export const waitlistListEndpoint = (deps: Deps) =>
  endpoint(
    bookings.waitlistList,
    async (input, ctx) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)), listWaitlist(deps, input.eventId, input.cursor, input.limit ?? 20)),
  );
