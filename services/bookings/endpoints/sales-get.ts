import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { sales } from "../usecases/sales.ts";

export const salesGetEndpoint = (deps: Deps) =>
  endpoint(bookings.salesGet, async (input, ctx) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)), sales(deps, input.eventId)));
