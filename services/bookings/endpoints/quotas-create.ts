import { endpoint } from "../../kit/serve.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { requireCaller } from "../../kit/caller.ts";
import { organizedEvent } from "../access.ts";
import { createQuota } from "../usecases/manage-inventory.ts";

export const quotasCreateEndpoint = (deps: Deps) =>
  endpoint(bookings.quotasCreate, async (input, ctx) => (await organizedEvent(deps, input.eventId, requireCaller(ctx)), createQuota(deps, input)));
